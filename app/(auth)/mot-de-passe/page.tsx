import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { PasswordForm } from "@/app/(auth)/mot-de-passe/password-form";
import { SiteHeader } from "@/components/site-header";
import { getPasswordAccount } from "@/db/queries/accounts";
import { getSessionUser, PASSWORD_PAGE } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/accounts";

export const metadata: Metadata = { title: "Mot de passe", robots: { index: false } };

/**
 * R10: after temporary codes (a new account, a reset) the person chooses their password here
 * before anything else; the same page serves a change they make of their own accord.
 */
async function PasswordChange() {
  const user = await getSessionUser();
  if (!user) redirect(`/connexion?callbackUrl=${encodeURIComponent(PASSWORD_PAGE)}`);
  const account = await getPasswordAccount({ userId: user.id });
  if (!account) redirect("/connexion");
  const forced = account.mustChangePassword;
  return (
    <>
      <h1 className="text-2xl font-semibold">{forced ? "Choisissez votre mot de passe" : "Changer mon mot de passe"}</h1>
      <p className="mb-6 mt-2 text-slate-700">
        {forced
          ? "Vos codes sont provisoires\u00a0: avant de continuer, choisissez le mot de passe que vous utiliserez désormais avec votre identifiant "
          : "Votre identifiant reste "}
        <code className="font-mono">{account.identifier}</code>.
      </p>
      <ul className="mb-6 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>au moins {PASSWORD_MIN_LENGTH}&nbsp;caractères&nbsp;: une phrase de quatre ou cinq mots se retient facilement&nbsp;;</li>
        <li>ni un mot de passe courant («&nbsp;azerty123&nbsp;», «&nbsp;motdepasse2026&nbsp;»), ni une suite de touches, une date ou un prénom seuls&nbsp;;</li>
        <li>ni votre identifiant, ni {forced ? "les codes provisoires" : "votre mot de passe actuel"}.</li>
      </ul>
      <PasswordForm identifier={account.identifier} askCurrent={!forced} />
    </>
  );
}

export default function PasswordPage() {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-md px-4 py-12">
        <Suspense fallback={<p className="text-slate-500">Chargement…</p>}>
          <PasswordChange />
        </Suspense>
      </main>
    </>
  );
}
