import { describe, expect, it } from "vitest";
import { activeFilters, clampRadius, PAGE_SIZE, pageLength, parseSearchParams, searchHref, searchTerms, sortOf, tidySearchQuery, withKnownCodes } from "@/lib/search/params";

const TODAY = "2027-03-10";

describe("parseSearchParams", () => {
  it("reads every filter from its parameter", () => {
    const filters = parseSearchParams(
      {
        q: "  maçon   bâti ",
        departement: "54",
        ville: "Nancy",
        rayon: "30",
        du: "2027-04-01",
        au: "2027-06-30",
        domaine: "223",
        financeur: "2",
        public: "15043",
        niveau: "13",
        certifiant: "1",
        modalite: "0",
        places: "1",
        permanent: "1",
        tri: "date",
        page: "3",
      },
      TODAY,
    );
    expect(filters).toEqual({
      q: "maçon bâti",
      department: "54",
      town: "Nancy",
      radius: 30,
      from: "2027-04-01",
      to: "2027-06-30",
      field: "223",
      funder: "2",
      publicCode: "15043",
      level: "13",
      certifying: true,
      teachingMode: "0",
      placesOnly: true,
      permanentEntry: true,
      sort: "date",
      page: 3,
    });
  });

  it("ignores unknown values, SQL and HTML fragments", () => {
    const filters = parseSearchParams(
      {
        departement: "54' OR 1=1 --",
        financeur: "999",
        niveau: "<script>alert(1)</script>",
        modalite: "7",
        domaine: "abc",
        public: "1; drop table actions",
        tri: "prix",
        page: "-4",
        places: "peut-être",
        du: "2027-02-30",
        au: "demain",
        inconnu: "x",
      },
      TODAY,
    );
    expect(filters).toMatchObject({ department: null, funder: null, level: null, teachingMode: null, field: null, publicCode: null, sort: null, page: 1, placesOnly: false, from: null, to: null });
  });

  it("keeps the first of repeated parameters", () => {
    expect(parseSearchParams({ departement: ["57", "54"], q: ["soudeur", "cariste"] }, TODAY)).toMatchObject({ department: "57", q: "soudeur" });
  });

  it("cuts a very long query and drops control characters", () => {
    expect(parseSearchParams({ q: `${"maçonnerie ".repeat(500)}\u0000` }, TODAY).q).toHaveLength(200);
    expect(parseSearchParams({ q: "a\u0000b\n\n  c" }, TODAY).q).toBe("ab c");
  });

  it("clamps absurd dates, puts a reversed range right and caps the page", () => {
    expect(parseSearchParams({ du: "1900-01-01", au: "2999-12-31", page: "999999999" }, TODAY)).toMatchObject({ from: "2027-03-03", to: "2032-03-10", page: 500 });
    expect(parseSearchParams({ du: "2027-06-01", au: "2027-04-01" }, TODAY)).toMatchObject({ from: "2027-04-01", to: "2027-06-01" });
  });
});

describe("withKnownCodes", () => {
  const known = { fields: [{ code: "223" }, { code: "326" }], publics: [{ code: "15043" }, { code: "80056" }] };

  it("ignores a Formacode field or public the form does not list, as if it were not asked", () => {
    const asked = parseSearchParams({ q: "x", domaine: "999", public: "12345", departement: "54" }, TODAY);
    const filters = withKnownCodes(asked, known);
    expect(filters).toEqual(parseSearchParams({ q: "x", departement: "54" }, TODAY));
    expect(activeFilters(filters)).toEqual(["department"]);
    expect(searchHref(filters)).toBe("/formations?q=x&departement=54");
  });

  it("keeps the listed ones", () => {
    const asked = parseSearchParams({ domaine: "223", public: "80056" }, TODAY);
    expect(withKnownCodes(asked, known)).toEqual(asked);
    expect(withKnownCodes(parseSearchParams({ domaine: "326", public: "99999" }, TODAY), known)).toMatchObject({ field: "326", publicCode: null });
    expect(withKnownCodes(parseSearchParams({ domaine: "100", public: "15043" }, TODAY), known)).toMatchObject({ field: null, publicCode: "15043" });
  });
});

describe("pageLength", () => {
  it("gives a full page, then the rest, then nothing past the last page", () => {
    expect(pageLength(0, 1)).toBe(0);
    expect(pageLength(PAGE_SIZE * 2 + 3, 1)).toBe(PAGE_SIZE);
    expect(pageLength(PAGE_SIZE * 2 + 3, 2)).toBe(PAGE_SIZE);
    expect(pageLength(PAGE_SIZE * 2 + 3, 3)).toBe(3);
    expect(pageLength(PAGE_SIZE * 2, 3)).toBe(0);
    expect(pageLength(5, 9)).toBe(0);
  });
});

describe("clampRadius", () => {
  it("gives the allowed radius at or above the one asked for, within 10 and 50 km", () => {
    expect([null, 0, 10, 11, 20, 25, 50, 51, 100_000].map(clampRadius)).toEqual([20, 10, 10, 20, 20, 30, 50, 50, 50]);
  });
});

describe("sortOf", () => {
  it("sorts by distance from a town, by relevance of words, else by date", () => {
    expect(sortOf({ sort: null, q: "" }, false)).toBe("date");
    expect(sortOf({ sort: null, q: "soudeur" }, false)).toBe("pertinence");
    expect(sortOf({ sort: null, q: "soudeur" }, true)).toBe("distance");
    expect(sortOf({ sort: "distance", q: "" }, false)).toBe("date");
    expect(sortOf({ sort: "pertinence", q: "" }, false)).toBe("date");
    expect(sortOf({ sort: "date", q: "soudeur" }, true)).toBe("date");
  });
});

describe("searchHref", () => {
  it("writes the filters back into an address, leaving defaults out and going back to page 1", () => {
    const filters = parseSearchParams({ q: "maçon", departement: "54", page: "4", rayon: "50" }, TODAY);
    expect(searchHref(filters)).toBe("/formations?q=ma%C3%A7on&departement=54");
    expect(searchHref(filters, { page: 5 })).toBe("/formations?q=ma%C3%A7on&departement=54&page=5");
    expect(searchHref(filters, { department: null, placesOnly: true })).toBe("/formations?q=ma%C3%A7on&places=1");
    expect(searchHref({ ...filters, town: "Nancy" }, { department: null })).toBe("/formations?q=ma%C3%A7on&ville=Nancy&rayon=50");
  });
});

describe("searchTerms", () => {
  it("keeps words of two letters or more, once, without tsquery syntax", () => {
    expect(searchTerms("Maçon l’ancien & (bâti) | !x:* maçon")).toEqual(["maçon", "ancien", "bâti"]);
    expect(searchTerms("' OR 1=1 --")).toEqual(["or"]);
  });
});

describe("tidySearchQuery", () => {
  it("drops what a GET form sends for blank fields, and a radius without a town", () => {
    const tidy = (query: string) => tidySearchQuery(new URLSearchParams(query));
    expect(tidy("q=batiment+macon&departement=&ville=&rayon=20&du=&tri=")).toBe("q=batiment+macon");
    expect(tidy("ville=Nancy&rayon=30&places=1")).toBeNull();
    expect(tidy("ville=Nancy&rayon=20")).toBe("ville=Nancy");
    expect(tidy("q=soudeur")).toBeNull();
  });
});
