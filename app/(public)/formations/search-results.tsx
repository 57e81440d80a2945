import Link from "next/link";
import { ActionCard } from "@/components/catalogue/action-card";
import { Pagination } from "@/components/ui/pagination";
import type { Alternative, SearchOutcome } from "@/db/queries/search";
import { formatLongDate } from "@/lib/dates";
import { FUNDERS, LEVELS, TEACHING_MODES, labelOf } from "@/lib/lheo/codes";
import { departmentName, FILTER_NAMES, formationCount } from "@/lib/search/labels";
import { MAX_PAGE, PAGE_SIZE, searchHref, type SearchFilters } from "@/lib/search/params";
import type { SearchLabels } from "./search-labels";

const linkClass = "font-medium text-brand-800 underline hover:text-brand-900";
const km = (distance: number) => `${distance.toLocaleString("fr-FR", { maximumFractionDigits: 1 })}\u00a0km`;

/** Each filter in use, as it reads, with the address of the same search without it. */
function filtersInUse(outcome: SearchOutcome, labels: SearchLabels): { label: string; href: string }[] {
  const { filters, town } = outcome;
  const without = (changes: Partial<SearchFilters>) => searchHref(filters, changes);
  const named = (list: readonly { code: string; label: string }[], code: string | null) => (code ? (labelOf(list, code) ?? code) : "");
  const chips: [boolean, string, Partial<SearchFilters>][] = [
    [Boolean(filters.department), `Département : ${departmentName(filters.department ?? "")}`, { department: null }],
    [Boolean(town), `À moins de ${filters.radius}\u00a0km de ${town?.name}`, { town: null }],
    [Boolean(filters.from), `Début à partir du ${filters.from ? formatLongDate(filters.from) : ""}`, { from: null }],
    [Boolean(filters.to), `Début jusqu’au ${filters.to ? formatLongDate(filters.to) : ""}`, { to: null }],
    [Boolean(filters.field), `Domaine : ${named(labels.fields, filters.field)}`, { field: null }],
    [Boolean(filters.funder), `Financeur : ${named(FUNDERS, filters.funder)}`, { funder: null }],
    [Boolean(filters.publicCode), `Public : ${named(labels.publics, filters.publicCode)}`, { publicCode: null }],
    [Boolean(filters.level), `Niveau : ${named(LEVELS, filters.level)}`, { level: null }],
    [Boolean(filters.teachingMode), `Modalité : ${named(TEACHING_MODES, filters.teachingMode)}`, { teachingMode: null }],
    [filters.placesOnly, "Places disponibles uniquement", { placesOnly: false }],
    [filters.permanentEntry, "Entrées et sorties permanentes", { permanentEntry: false }],
    [filters.certifying, "Formations certifiantes", { certifying: false }],
  ];
  return chips.filter(([on]) => on).map(([, label, changes]) => ({ label, href: without(changes) }));
}

function alternativeLink(alternative: Alternative, filters: SearchFilters) {
  const count = formationCount(alternative.total);
  if (alternative.kind === "radius") return { href: searchHref(filters, { radius: alternative.radius as SearchFilters["radius"] }), text: `Élargir à ${alternative.radius}\u00a0km (${count})` };
  if (alternative.kind === "words") return { href: searchHref(filters, { q: "" }), text: `Garder les filtres sans les mots « ${filters.q} » (${count})` };
  const key = alternative.filter;
  const changes: Partial<SearchFilters> = key === "from" || key === "to" ? { from: null, to: null } : { [key]: typeof filters[key] === "boolean" ? false : null };
  return { href: searchHref(filters, changes), text: `Sans le filtre « ${FILTER_NAMES[key]} » (${count})` };
}

function ResultPages({ outcome }: { outcome: SearchOutcome }) {
  const { filters, total } = outcome;
  const last = Math.min(Math.ceil(total / PAGE_SIZE), MAX_PAGE);
  return <Pagination page={filters.page} last={last} hrefOf={(page) => searchHref(filters, { page })} label="Pages de résultats" />;
}

export function SearchResults({ outcome, labels, today }: { outcome: SearchOutcome; labels: SearchLabels; today: string }) {
  const { filters, total, hits, approximate, spelling, alternatives } = outcome;
  const chips = filtersInUse(outcome, labels);
  const last = Math.ceil(total / PAGE_SIZE);
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats" className="text-xl font-semibold">
        {formationCount(total)}
        {filters.q && <> pour « {filters.q} »</>}
      </h2>
      {outcome.townNotFound && (
        <p className="mt-2 text-slate-800" role="status">
          Aucune commune ne s’appelle « {outcome.townNotFound} » : vérifiez le nom de la ville ou indiquez son code postal.
          Les résultats ne tiennent pas compte de la ville.
        </p>
      )}
      {approximate && (
        <p className="mt-2 text-slate-800">
          Aucune formation ne contient exactement ces mots : voici les plus proches.
          {approximate.suggestion && (
            <>
              {" "}
              Vouliez-vous dire{" "}
              <Link href={searchHref(filters, { q: approximate.suggestion })} className={linkClass}>
                {approximate.suggestion}
              </Link>
              {"\u00a0"}?
            </>
          )}
        </p>
      )}
      {chips.length > 0 && (
        <div className="mt-3">
          <h3 className="sr-only">Filtres appliqués</h3>
          <ul className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={chip.label}>
                <Link href={chip.href} className="inline-block rounded-full border border-slate-400 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100">
                  {chip.label} <span aria-hidden="true">×</span>
                  <span className="sr-only"> (retirer ce filtre)</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {hits.length > 0 ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2" aria-label="Formations trouvées">
          {hits.map((hit) => (
            <ActionCard key={hit.actionId} action={hit} today={today} selectable note={hit.distance !== null && outcome.town ? `À ${km(hit.distance)} de ${outcome.town.name}` : undefined} />
          ))}
        </ul>
      ) : total > 0 ? (
        <p className="mt-6 text-slate-800">
          Cette page n’existe pas.{" "}
          <Link href={searchHref(filters, { page: Math.min(last, MAX_PAGE) })} className={linkClass}>
            Aller à la dernière page
          </Link>
        </p>
      ) : (
        <div className="mt-6 space-y-3 text-slate-800">
          <p>Aucune formation ne correspond à votre recherche.</p>
          {spelling && (
            <p>
              Vouliez-vous dire{" "}
              <Link href={searchHref(filters, { q: spelling })} className={linkClass}>
                {spelling}
              </Link>
              {"\u00a0"}?
            </p>
          )}
          {alternatives.length > 0 ? (
            <>
              <p>Vous pouvez essayer :</p>
              <ul className="list-disc space-y-1 pl-6">
                {alternatives.map((alternative) => {
                  const { href, text } = alternativeLink(alternative, filters);
                  return (
                    <li key={href}>
                      <Link href={href} className={linkClass}>
                        {text}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p>
              Essayez d’autres mots, plus courts ou plus généraux, ou{" "}
              <Link href="/formations" className={linkClass}>
                voyez toutes les formations
              </Link>
              .
            </p>
          )}
        </div>
      )}
      <ResultPages outcome={outcome} />
    </section>
  );
}
