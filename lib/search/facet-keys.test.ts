import { describe, expect, it } from "vitest";
import { countsByFilter, requiredKeys } from "@/lib/search/facet-keys";
import { parseSearchParams } from "@/lib/search/params";

describe("facet keys", () => {
  it("asks, for each action filter given, the key of its value", () => {
    const filters = parseSearchParams({ domaine: "223", niveau: "13", certifiant: "1", departement: "57" }, "2026-11-27");
    expect(requiredKeys(filters)).toEqual([
      ["field", "f223"],
      ["level", "l13"],
      ["certifying", "c"],
    ]);
    expect(requiredKeys(parseSearchParams({ q: "maçon", places: "1" }, "2026-11-27"))).toEqual([]);
  });

  it("reads counts per key back as counts per filter value", () => {
    expect(countsByFilter({ f223: 4, f326: 1, u2: 3, p80056: 2, l13: 5, m0: 4, c: 2, e: 1, x9: 7 })).toEqual({
      field: { "223": 4, "326": 1 },
      funder: { "2": 3 },
      publicCode: { "80056": 2 },
      level: { "13": 5 },
      teachingMode: { "0": 4 },
      certifying: 2,
      permanentEntry: 1,
    });
    expect(countsByFilter({})).toEqual({ field: {}, funder: {}, publicCode: {}, level: {}, teachingMode: {}, certifying: 0, permanentEntry: 0 });
  });
});
