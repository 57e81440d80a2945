// An unknown Formacode field or public in the address is ignored, as /formations does it: checked
// against the lists the search form offers (withKnownCodes, right after loading them).

import { describe, expect, it } from "vitest";
import { listPublicCodes } from "@/db/queries/reference";
import { searchCatalogue } from "@/db/queries/search";
import { listFormacodeFields } from "@/db/queries/search-labels";
import { publishAll, search, uniqueWord } from "@/db/test-utils/search";
import { parisDate } from "@/lib/dates";
import { parseSearchParams, searchHref, withKnownCodes, type RawSearchParams } from "@/lib/search/params";

async function searchAsThePage(params: RawSearchParams) {
  const today = parisDate();
  const labels = { fields: await listFormacodeFields(), publics: await listPublicCodes() };
  return searchCatalogue({ filters: withKnownCodes(parseSearchParams(params, today), labels), today });
}

describe("unknown Formacode field or public", () => {
  it("is ignored as if absent, a known one applies", async () => {
    const word = uniqueWord();
    await publishAll(word, [{ title: "Maçon", formacodes: ["22334"], publicCodes: ["80056"] }]);
    const plain = await search({ q: word });
    expect(plain.total).toBe(1);

    const unknown = await searchAsThePage({ q: word, domaine: "999", public: "12345" });
    expect(unknown.total).toBe(1);
    expect(unknown.filters).toEqual(plain.filters);
    expect(unknown.facets).toEqual(plain.facets);
    expect(searchHref(unknown.filters)).toBe(`/formations?q=${word}`);

    const known = await searchAsThePage({ q: word, domaine: "223", public: "80056" });
    expect(known.total).toBe(1);
    expect(known.filters).toMatchObject({ field: "223", publicCode: "80056" });
    expect((await searchAsThePage({ q: word, domaine: "326" })).total).toBe(0);
  });
});
