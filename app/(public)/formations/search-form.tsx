import Link from "next/link";
import type { SearchOutcome } from "@/db/queries/search";
import { FUNDERS, LEVELS, TEACHING_MODES } from "@/lib/lheo/codes";
import { departmentField, type Choice } from "@/lib/search/choices";
import { PARAM, RADII, type Sort } from "@/lib/search/params";
import type { SearchLabels } from "./search-labels";

const control =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
const labelClass = "block text-sm font-medium text-slate-800";

/** The values that give results (with their count), and the one chosen even when it gives none. */
function options(entries: readonly { code: string; label: string }[], counts: Record<string, number>, selected: string | null): Choice[] {
  return entries
    .map((e) => ({ value: e.code, label: e.label, count: counts[e.code] ?? 0 }))
    .filter((o) => o.count > 0 || o.value === selected);
}

/** A select of filter values; a hint, when given, is shown under the label and describes the select. */
function Select({ name, label, all, choices, selected, hint }: { name: string; label: string; all: string; choices: Choice[]; selected: string | null; hint?: string | null }) {
  const id = `filtre-${name}`;
  const hintId = `${id}-aide`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <select id={id} name={name} defaultValue={selected ?? ""} aria-describedby={hint ? hintId : undefined} className={control}>
        <option value="">{all}</option>
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.count === null ? o.label : `${o.label} (${o.count.toLocaleString("fr-FR")})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ name, label, checked, count }: { name: string; label: string; checked: boolean; count: number }) {
  const id = `filtre-${name}`;
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value="1" defaultChecked={checked} className="mt-1 size-4 accent-brand-700 focus-visible:ring-2 focus-visible:ring-brand-600" />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label} ({count.toLocaleString("fr-FR")})
      </label>
    </div>
  );
}

/** The search box and its filters: a GET form, so a search is a link and needs no JavaScript. */
export function SearchForm({ outcome, labels }: { outcome: SearchOutcome; labels: SearchLabels }) {
  const { filters, facets } = outcome;
  // With a town, the department is not used: its select shows no counts, and says so.
  const departments = departmentField(facets.department, filters.department, outcome.town);
  const sorts: [Sort, string][] = [
    ["pertinence", "Pertinence"],
    ["date", "Date de début"],
    ["distance", "Distance"],
  ];
  const automatic = sorts.find(([value]) => value === outcome.sort)![1].toLowerCase();
  return (
    <form role="search" method="get" action="/formations" aria-label="Rechercher une formation" className="space-y-5 print:hidden">
      <div className="space-y-1">
        <label htmlFor="recherche" className={labelClass}>
          Métier, formation ou organisme
        </label>
        <input id="recherche" type="search" name={PARAM.q} defaultValue={filters.q} maxLength={200} placeholder="Par exemple : maçon, aide-soignant" className={control} />
      </div>
      <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
        Rechercher
      </button>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Lieu</legend>
        <Select name={PARAM.department} label="Département" all="Tous les départements" choices={departments.choices} selected={filters.department} hint={departments.hint} />
        <div className="space-y-1">
          <label htmlFor="filtre-ville" className={labelClass}>
            Ou autour d’une ville
          </label>
          <p id="filtre-ville-aide" className="text-sm text-slate-600">
            Son nom ou son code postal. Une ville remplace le département choisi.
          </p>
          <input id="filtre-ville" name={PARAM.town} defaultValue={outcome.town?.name ?? outcome.townNotFound ?? ""} maxLength={80} aria-describedby="filtre-ville-aide" className={control} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filtre-rayon" className={labelClass}>
            Dans un rayon de
          </label>
          <select id="filtre-rayon" name={PARAM.radius} defaultValue={String(filters.radius)} className={control}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r} kilomètres
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Date de début</legend>
        <div className="grid grid-cols-2 gap-2">
          <div className="space-y-1">
            <label htmlFor="filtre-du" className={labelClass}>
              À partir du
            </label>
            <input id="filtre-du" type="date" name={PARAM.from} defaultValue={filters.from ?? ""} className={control} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filtre-au" className={labelClass}>
              Jusqu’au
            </label>
            <input id="filtre-au" type="date" name={PARAM.to} defaultValue={filters.to ?? ""} className={control} />
          </div>
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">La formation</legend>
        <Select name={PARAM.field} label="Domaine" all="Tous les domaines" choices={options(labels.fields, facets.field, filters.field)} selected={filters.field} />
        <Select name={PARAM.funder} label="Financeur" all="Tous les financeurs" choices={options(FUNDERS, facets.funder, filters.funder)} selected={filters.funder} />
        <Select name={PARAM.publicCode} label="Public visé" all="Tous les publics" choices={options(labels.publics, facets.publicCode, filters.publicCode)} selected={filters.publicCode} />
        <Select name={PARAM.level} label="Niveau à la sortie" all="Tous les niveaux" choices={options(LEVELS, facets.level, filters.level)} selected={filters.level} />
        <Select name={PARAM.teachingMode} label="Modalité" all="Sur place ou à distance" choices={options(TEACHING_MODES, facets.teachingMode, filters.teachingMode)} selected={filters.teachingMode} />
        <Check name={PARAM.placesOnly} label="Places disponibles uniquement" checked={filters.placesOnly} count={facets.placesOnly} />
        <Check name={PARAM.permanentEntry} label="Entrées et sorties permanentes" checked={filters.permanentEntry} count={facets.permanentEntry} />
        <Check name={PARAM.certifying} label="Formations certifiantes" checked={filters.certifying} count={facets.certifying} />
      </fieldset>

      <div className="space-y-1">
        <label htmlFor="filtre-tri" className={labelClass}>
          Trier par
        </label>
        <select id="filtre-tri" name={PARAM.sort} defaultValue={filters.sort === outcome.sort ? filters.sort : ""} className={control}>
          <option value="">Automatique (ici : {automatic})</option>
          {sorts.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
          Appliquer les filtres
        </button>
        <Link href="/formations" className="text-sm font-medium text-brand-800 underline">
          Tout effacer
        </Link>
      </div>
    </form>
  );
}
