import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { signOutEverywhere } from "@/app/(auth)/mon-compte/server-actions";
import { SiteHeader } from "@/components/site-header";
import { ActionButton } from "@/components/ui/action-button";
import { getPasswordAccount } from "@/db/queries/accounts";
import { countOpenSessions } from "@/db/queries/sessions";
import { requirePageUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/validations/accounts";

export const metadata: Metadata = { title: "Mon compte", robots: { index: false } };

/** The signed-in person's account: their identifier, their password, the sessions they have open. */
async function Account() {
  const user = await requirePageUser(["provider", "staff", "admin"], "/mon-compte");
  const [account, sessions] = await Promise.all([getPasswordAccount({ userId: user.id }), countOpenSessions({ userId: user.id })]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Mon compte</h1>
      <p className="mt-2 text-slate-700">
        {user.name} · {ROLE_LABELS[user.role]} · identifiant <code className="font-mono">{account?.identifier}</code>
      </p>

      <section aria-labelledby="mot-de-passe" className="mt-8 space-y-2">
        <h2 id="mot-de-passe" className="text-lg font-semibold">
          Mot de passe
        </h2>
        <Link href="/mot-de-passe" className="font-medium text-brand-700 hover:underline">
          Changer mon mot de passe
        </Link>
      </section>

      <section aria-labelledby="sessions" className="mt-8 space-y-3">
        <h2 id="sessions" className="text-lg font-semibold">
          Connexions ouvertes
        </h2>
        <p className="text-slate-700">
          {sessions > 1
            ? `Votre compte est ouvert sur ${sessions}\u00a0navigateurs ou appareils, celui-ci compris.`
            : "Votre compte n’est ouvert que sur ce navigateur."}{" "}
          Une connexion se ferme d’elle-même après 8&nbsp;heures sans activité, et au plus tard 7&nbsp;jours après son ouverture.
          Si vous vous êtes connecté sur un ordinateur partagé, ou si vous avez perdu un appareil, fermez-les toutes&nbsp;: il faudra
          ensuite vous reconnecter ici.
        </p>
        <ActionButton action={signOutEverywhere} input={{}} label="Se déconnecter de tous les appareils" pendingLabel="Déconnexion…" />
      </section>
    </>
  );
}

export default function AccountPage() {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-2xl px-4 py-12">
        <Suspense fallback={<p className="text-slate-500">Chargement…</p>}>
          <Account />
        </Suspense>
      </main>
    </>
  );
}
