import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { CatalogueSkeleton } from "@/components/catalogue/action-card";
import { loadSearch } from "@/components/catalogue/cached-reads";
import { searchCatalogue } from "@/db/queries/search";
import { currentDay } from "@/lib/clock";
import { parseSearchParams, searchAddress, withKnownCodes, type RawSearchParams, type SearchFilters } from "@/lib/search/params";
import { loadSearchLabels } from "./search-labels";
import { SearchForm } from "./search-form";
import { SearchResults } from "./search-results";

export const metadata: Metadata = {
  title: "Rechercher une formation",
  description: "Les formations financées de Lorraine : cherchez par métier, lieu, dates, financeur ou niveau.",
};

// A search is read from the address (a GET form: no JavaScript needed) and answered for the day
// on the server's clock, from the cache when the same search was asked before (loadSearch: until
// the catalogue changes, an hour at most); whatever the address holds, the page answers (a value
// it does not know, a Formacode field or public included, is ignored).
async function Search({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  await connection();
  // The one place where the filters are checked against the lists the form offers: an unknown
  // Formacode field or public is dropped before the search's address is written, so the search,
  // its counts, the form and the chips all read the same filters (withKnownCodes).
  const labels = await loadSearchLabels();
  const filters = withKnownCodes(parseSearchParams(raw, currentDay()), labels);
  const found = await loadSearch(searchAddress(filters));
  const { outcome, today } = found ?? (await searchNow(filters));
  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[18rem_1fr]">
      <SearchForm outcome={outcome} labels={labels} />
      <SearchResults outcome={outcome} labels={labels} today={today} />
    </div>
  );
}

/** Should an address ever not be cacheable as written, the search is answered directly. */
async function searchNow(filters: SearchFilters) {
  const today = currentDay();
  return { today, outcome: await searchCatalogue({ filters, today }) };
}

export default function FormationsPage({ searchParams }: PageProps<"/formations">) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Rechercher une formation</h1>
      <p className="mt-2 text-slate-700">
        Les formations financées dont une session va commencer, ou qui accueillent de nouveaux stagiaires tout au long
        de l’année.
      </p>
      <Suspense fallback={<CatalogueSkeleton />}>
        <Search searchParams={searchParams} />
      </Suspense>
    </main>
  );
}
