// Issue 10, finding 1: a 'use cache' function is also a server reference that anyone can call
// with the arguments of their choice. So none may take what decides diffusion (the day is read
// inside, on the server's clock), and each must check its arguments as untrusted input.
//
// 1. Every 'use cache' function of the code base is found in the source and must take no
//    date-like parameter and validate each parameter it has (safeParse) before anything else.
// 2. Every cached read of the public pages is called with hostile arguments: null, never a throw;
//    and an extra « day » argument changes nothing that is diffused.

import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { cachedFunctions } from "@/app/test-utils/source-scan";
import * as cachedReads from "@/components/catalogue/cached-reads";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import { createProviderAndStaff, publishAction } from "@/db/test-utils/fixtures";
import { publishAll, uniqueWord } from "@/db/test-utils/search";

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  // Outside Next.js there is no cache scope to tag: the reads themselves are what is tested.
  cacheTag: vi.fn(),
  cacheLife: vi.fn(),
}));

describe("'use cache' functions take nothing that decides diffusion", () => {
  const functions = cachedFunctions();

  it("finds the cached reads of the public pages", () => {
    const names = functions.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["loadAction", "loadOrganisation", "loadDiffusedActions", "loadSelection", "loadDiffusedAddresses"]));
  });

  it.each(functions.map((f) => [`${f.file}: ${f.name}`, f] as const))("%s", (_, f) => {
    expect(f.name, "a whole module marked 'use cache' or a cached arrow function cannot be checked: write named functions").not.toMatch(/^\(/);
    for (const param of f.params) {
      expect(param, "the day (or any date) must be read inside the cached function").not.toMatch(/today|day|date|now|asOf|time/i);
      // The argument is checked by a schema before any use: `schema.safeParse(param)`.
      expect(f.body, `${f.name} must validate « ${param} » with a schema (safeParse) before using it`).toMatch(
        new RegExp(`\\.safeParse\\(${param}\\)`),
      );
    }
  });
});

const HOSTILE: unknown[] = [
  undefined,
  null,
  [],
  {},
  ["formation"],
  { toString: () => "formation" },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  42,
  -1,
  Number.NaN,
  Infinity,
  true,
  "",
  "x".repeat(100_000),
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "x-%",
  "\u0000",
  "\ud800",
  "2020-01-01",
];

describe("cached reads of the public pages answer hostile arguments with null, never an error", () => {
  const reads = Object.entries(cachedReads).filter(([, value]) => typeof value === "function") as [string, (...args: unknown[]) => Promise<unknown>][];

  it.each(reads.map(([name, read]) => [name, read] as const))("%s", async (_, read) => {
    for (const argument of HOSTILE) {
      const result = await read(argument, "2020-01-01");
      // Reads without parameters (the addresses, the counts) ignore what they are given.
      // A well-formed slug (not found: null anyway) or list length may be answered with content.
      const plausible = (typeof argument === "string" && /^[a-z0-9-]+$/.test(argument)) || argument === 42;
      if (read.length > 0 && !plausible) expect(result, String(argument).slice(0, 40)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("cannot be made to show an organisation whose dossier has lapsed, whatever day is sent", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { slug } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    expect(await cachedReads.loadAction(slug)).toMatchObject({ kind: "found" });
    expect(await cachedReads.loadOrganisation(organisation.slug)).toMatchObject({ organisation: { id: organisation.id } });

    const db = await getDb();
    await db.update(organisations).set({ dossierApprovedAt: new Date(Date.now() - 400 * 86_400_000) }).where(eq(organisations.id, organisation.id));
    const call = cachedReads.loadAction as (...args: unknown[]) => Promise<unknown>;
    const callOrganisation = cachedReads.loadOrganisation as (...args: unknown[]) => Promise<unknown>;
    expect(await call(slug, "2020-01-01")).toBeNull();
    expect(await call(slug, { today: "2020-01-01" })).toBeNull();
    expect(await callOrganisation(organisation.slug)).toBeNull();
    expect(await callOrganisation(organisation.slug, "2020-01-01")).toBeNull();
    expect(await callOrganisation(organisation.slug, { today: "2020-01-01" })).toBeNull();
    const listed = await (cachedReads.loadDiffusedActions as (...args: unknown[]) => Promise<{ actions: { organisationId: string }[] } | null>)(200, "2020-01-01");
    expect(listed?.actions.some((a) => a.organisationId === organisation.id)).toBe(false);
  });

  it("reads a valid selection, and refuses one too long or with bad ids", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    expect((await cachedReads.loadSelection([actionId, actionId]))?.actions.map((a) => a.actionId)).toEqual([actionId]);
    expect(await cachedReads.loadSelection([actionId, "not-an-id"])).toBeNull();
    expect(await cachedReads.loadSelection(Array.from({ length: 51 }, () => actionId))).toBeNull();
    expect(await cachedReads.loadSelection([])).toBeNull();
  });

  it("answers a search by the one address searchHref writes for it, and nothing else", async () => {
    const word = uniqueWord();
    await publishAll(word, [{ title: "Maçon du bâti ancien" }]);
    const found = await cachedReads.loadSearch(`/formations?q=${word}`);
    expect(found?.outcome.hits.map((h) => h.title)).toEqual(["Maçon du bâti ancien"]);
    expect((await cachedReads.loadSearch(`/formations?q=${word}&departement=57`))?.outcome.total).toBe(0);
    expect((await cachedReads.loadSearch("/formations"))?.outcome.total).toBeGreaterThan(0);
    // Other spellings of the same search are not cached: the page asks with the canonical one.
    for (const variant of [`/formations?q=${word}&q=autre`, `/formations?q=${word}&page=1`, `/formations?q=${word}&rayon=20`, `/formations?departement=57&q=${word}`, `/formations?q=${word}&inconnu=1`, "/formations?"]) {
      expect(await cachedReads.loadSearch(variant), variant).toBeNull();
    }
  });
});
