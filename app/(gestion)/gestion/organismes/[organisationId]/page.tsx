import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountControls } from "@/app/(gestion)/gestion/comptes/account-controls";
import { OrganisationHistory } from "@/app/(gestion)/gestion/organismes/[organisationId]/organisation-history";
import { DossierState, formatSiret } from "@/app/(gestion)/gestion/organismes/dossier-state";
import { DossierStatusBadge } from "@/components/dossier-summary";
import { StatusBadge } from "@/components/status-badge";
import { accountRefusal } from "@/db/queries/accounts";
import { listActionsForOrganisation } from "@/db/queries/actions";
import { getDossierForOrganisation } from "@/db/queries/dossiers";
import { getOrganisationHeader, listOrganisationHistory, listOrganisationUsers } from "@/db/queries/organisations-admin";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { formatDateTime, formatLongDate, parisDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { z } from "@/lib/validations/zod";

export const metadata: Metadata = { title: "Fiche d’un organisme" };

const sectionClass = "mt-8 space-y-3";
const headingClass = "text-lg font-semibold";

export default async function OrganisationPage({ params }: { params: Promise<{ organisationId: string }> }) {
  const { organisationId } = await params;
  const user = await requirePageUser(STAFF_ROLES, `/gestion/organismes/${organisationId}`);
  if (!z.uuid().safeParse(organisationId).success) notFound();
  const today = currentDay();
  const [dossier, header] = await Promise.all([getDossierForOrganisation({ organisationId, today }), getOrganisationHeader({ organisationId })]);
  if (!dossier || !header) notFound();
  const [accounts, current, archived, history] = await Promise.all([
    listOrganisationUsers({ organisationId }),
    listActionsForOrganisation({ organisationId, today }),
    listActionsForOrganisation({ organisationId, today, archived: true }),
    listOrganisationHistory({ organisationId }),
  ]);
  const { organisation } = dossier;
  const actions = [...current, ...archived.map((action) => ({ ...action, archived: true }))];
  const actionTitles = new Map(actions.map((action) => [action.actionId, action.publishedTitle ?? action.title]));
  const identifiers = new Map(accounts.map((account) => [account.id, account.identifier]));

  return (
    <>
      <p className="text-sm">
        <Link href="/gestion/organismes" className="text-brand-700 hover:underline">
          ← Organismes
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{organisation.name}</h1>
      <p className="mt-2 text-slate-700">
        SIRET {formatSiret(organisation.siret)} · {[organisation.street, `${organisation.postalCode} ${header.town}`].filter(Boolean).join(", ")}
        {organisation.email && ` · ${organisation.email}`}
        {organisation.phone && ` · ${organisation.phone}`}
      </p>
      {organisation.archivedAt && <p className="mt-1 font-medium text-red-800">Organisme archivé le {formatLongDate(parisDate(organisation.archivedAt))}.</p>}

      <section aria-labelledby="dossier" className={sectionClass}>
        <h2 id="dossier" className={headingClass}>
          Dossier de l’organisme
        </h2>
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            Dernière version&nbsp;: <DossierStatusBadge status={dossier.latest?.status ?? null} />
          </p>
          <p>
            <DossierState approved={Boolean(dossier.approvedAt)} valid={dossier.valid} expiryDate={dossier.expiryDate} pending={Boolean(header.pendingDossier)} today={today} />
          </p>
          {dossier.approvedAt && dossier.expiryDate && (
            <p>
              Validé le {formatLongDate(parisDate(dossier.approvedAt))}, échéance le {formatLongDate(dossier.expiryDate)}.
            </p>
          )}
          {!dossier.approvedAt && <p>Tant que son premier dossier n’est pas validé, les actions de l’organisme ne sont pas en ligne.</p>}
          {header.pendingDossier && (
            <p>
              <Link href={`/gestion/dossiers/${header.pendingDossier.id}`} className="font-medium text-brand-700 hover:underline">
                Examiner le dossier envoyé
                {header.pendingDossier.submittedAt ? ` le ${formatDateTime(header.pendingDossier.submittedAt)}` : ""}
              </Link>
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="comptes" className={sectionClass}>
        <h2 id="comptes" className={headingClass}>
          Comptes de l’organisme
        </h2>
        {accounts.length === 0 ? (
          <p className="text-slate-700">Aucun compte.</p>
        ) : (
          <ul className="space-y-3">
            {accounts.map((account) => (
              <li key={account.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <div className="grid gap-1 sm:grid-cols-2">
                  <p>
                    <span className="font-medium">{account.displayName}</span> · identifiant <code className="font-mono">{account.identifier}</code>
                  </p>
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
                <AccountControls
                  account={{ id: account.id, displayName: account.displayName, role: account.role, disabled: Boolean(account.disabledAt) }}
                  can={{
                    reset: !accountRefusal(user, account, "reset"),
                    disable: !accountRefusal(user, account, account.disabledAt ? "enable" : "disable"),
                    role: false,
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="actions" className={sectionClass}>
        <h2 id="actions" className={headingClass}>
          Actions de formation
        </h2>
        {actions.length === 0 ? (
          <p className="text-slate-700">Aucune action saisie.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                  <th scope="col" className="px-4 py-2 font-medium">Dernière version</th>
                  <th scope="col" className="px-4 py-2 font-medium">En ligne aujourd’hui</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((action) => (
                  <tr key={action.actionId} className="border-t border-slate-200 align-top">
                    <td className="px-4 py-3">
                      {action.status === "submitted" ? (
                        <Link href={`/gestion/validation/${action.revisionId}`} className="font-medium text-brand-700 hover:underline">
                          {action.title || "Sans intitulé"}
                        </Link>
                      ) : (
                        <span className="font-medium">{action.title || "Sans intitulé"}</span>
                      )}
                      {"archived" in action && <span className="ml-2 text-slate-600">(archivée)</span>}
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge status={action.status} />
                    </td>
                    <td className="px-4 py-3">{action.online ? "Oui" : "Non"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="historique" className={sectionClass}>
        <h2 id="historique" className={headingClass}>
          Historique
        </h2>
        <p className="text-sm text-slate-600">Les 50 dernières opérations sur l’organisme, ses comptes et ses actions, les plus récentes d’abord.</p>
        <OrganisationHistory entries={history} actionTitles={actionTitles} identifiers={identifiers} />
      </section>
    </>
  );
}
