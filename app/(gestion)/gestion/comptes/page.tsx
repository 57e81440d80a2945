import type { Metadata } from "next";
import Link from "next/link";
import { AccountControls } from "@/app/(gestion)/gestion/comptes/account-controls";
import { NewStaffAccountForm } from "@/app/(gestion)/gestion/comptes/new-staff-account-form";
import { accountRefusal, listStaffAccounts } from "@/db/queries/accounts";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { ROLE_LABELS } from "@/lib/validations/accounts";

export const metadata: Metadata = { title: "Comptes de l’équipe" };

export default async function StaffAccountsPage() {
  const user = await requirePageUser(["admin"], "/gestion/comptes");
  const accounts = await listStaffAccounts();
  return (
    <>
      <h1 className="text-2xl font-semibold">Comptes de l’équipe</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Les chargés d’information examinent les actions et les dossiers, et gèrent les comptes des organismes. Les administrateurs gèrent
        aussi les comptes de l’équipe et les paramètres. Vous ne pouvez ni désactiver votre propre compte ni changer votre propre rôle.
      </p>

      <section aria-labelledby="liste-comptes" className="mt-8 space-y-3">
        <h2 id="liste-comptes" className="text-lg font-semibold">
          Comptes
        </h2>
        <ul className="space-y-3">
          {accounts.map((account) => (
            <li key={account.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="grid gap-1 sm:grid-cols-2">
                <p>
                  <span className="font-medium">{account.displayName}</span>
                  {account.id === user.id && " (vous)"} · identifiant <code className="font-mono">{account.identifier}</code>
                </p>
                <p>{ROLE_LABELS[account.role]}</p>
                <p>{account.email ?? "Pas d’adresse électronique"}</p>
                <p>{account.lastLoginAt ? `Dernière connexion le ${formatDateTime(account.lastLoginAt)}` : "Aucune connexion jusqu’ici"}</p>
                <p>
                  {account.disabledAt ? (
                    <span className="font-medium text-red-800">Désactivé depuis le {formatDateTime(account.disabledAt)}</span>
                  ) : account.mustChangePassword ? (
                    <span className="text-amber-900">Actif, codes provisoires à changer</span>
                  ) : (
                    <span className="text-green-900">Actif</span>
                  )}
                </p>
              </div>
              {account.id === user.id && (
                <p>
                  <Link href="/mot-de-passe" className="font-medium text-brand-700 hover:underline">
                    Changer mon mot de passe
                  </Link>
                </p>
              )}
              <AccountControls
                account={{ id: account.id, displayName: account.displayName, role: account.role, disabled: Boolean(account.disabledAt) }}
                can={{
                  reset: !accountRefusal(user, account, "reset"),
                  disable: !accountRefusal(user, account, account.disabledAt ? "enable" : "disable"),
                  role: !accountRefusal(user, account, "role"),
                }}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="nouveau-compte" className="mt-10 max-w-3xl space-y-3">
        <h2 id="nouveau-compte" className="text-lg font-semibold">
          Créer un compte
        </h2>
        <NewStaffAccountForm />
      </section>
    </>
  );
}
