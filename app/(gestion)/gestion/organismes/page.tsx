import type { Metadata } from "next";
import Link from "next/link";
import { DossierState, formatSiret } from "@/app/(gestion)/gestion/organismes/dossier-state";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { listOrganisationsForStaff } from "@/db/queries/organisations-admin";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { currentDay } from "@/lib/clock";
import { organisationSearchSchema } from "@/lib/validations/accounts";

export const metadata: Metadata = { title: "Organismes" };

function pageHref(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/gestion/organismes?${query}` : "/gestion/organismes";
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("fr-FR")}\u00a0${count > 1 ? many : one}`;

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(STAFF_ROLES, "/gestion/organismes");
  const { q, page } = organisationSearchSchema.parse(await searchParams);
  const today = currentDay();
  const { rows, total, pages } = await listOrganisationsForStaff({ q, page, today });

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Organismes</h1>
        <ButtonLink href="/gestion/organismes/nouveau">Créer un organisme</ButtonLink>
      </div>

      <form role="search" action="/gestion/organismes" className="mt-6 flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="recherche-organisme" className="block text-sm font-medium text-slate-800">
            Rechercher un organisme
          </label>
          <p id="recherche-organisme-aide" className="text-sm text-slate-600">
            Nom, commune ou numéro SIRET.
          </p>
          <input id="recherche-organisme" name="q" type="search" defaultValue={q} aria-describedby="recherche-organisme-aide" className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Rechercher
        </button>
      </form>

      <p className="mt-4 text-sm text-slate-700" aria-live="polite">
        {total === 0
          ? q
            ? `Aucun organisme ne correspond à «\u00a0${q}\u00a0».`
            : "Aucun organisme pour l’instant."
          : `${plural(total, "organisme", "organismes")}${q ? ` pour «\u00a0${q}\u00a0»` : ""}${pages > 1 ? `, page ${page} sur ${pages}` : ""}.`}
      </p>

      {rows.length > 0 && (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Organisme</th>
                <th scope="col" className="px-4 py-2 font-medium">SIRET</th>
                <th scope="col" className="px-4 py-2 font-medium">Commune</th>
                <th scope="col" className="px-4 py-2 font-medium">Dossier</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Actions en ligne aujourd’hui</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <td className="px-4 py-3">
                    <Link href={`/gestion/organismes/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                    {row.archivedAt && <span className="ml-2 text-slate-600">(archivé)</span>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">{formatSiret(row.siret)}</td>
                  <td className="px-4 py-3">
                    {row.town} ({row.postalCode})
                  </td>
                  <td className="px-4 py-3">
                    <DossierState approved={Boolean(row.dossierApprovedAt)} valid={row.dossierValid} expiryDate={row.expiryDate} pending={row.dossierPending} today={today} />
                  </td>
                  <td className="px-4 py-3 text-right">{row.diffusedToday.toLocaleString("fr-FR")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(q, page - 1)} className="font-medium text-brand-700 hover:underline">
              ← Page précédente
            </Link>
          ) : null}
          <span>
            Page {page} sur {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(q, page + 1)} className="font-medium text-brand-700 hover:underline">
              Page suivante →
            </Link>
          ) : null}
        </nav>
      )}
    </>
  );
}
