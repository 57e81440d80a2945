// The catalogue search by words: French stemming, accents, prefixes, typos, relevance, pagination,
// and only diffused content. Filters and their counts: search-filters.test.ts.

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, organisations, publishedActions, searchLexicon } from "@/db/schema";
import { actionContent, actorOf, createProviderUser, createStaffUser, publishAction } from "@/db/test-utils/fixtures";
import { PLACES, publishAll, search, session, titles, uniqueWord } from "@/db/test-utils/search";
import { PAGE_SIZE } from "@/lib/search/params";

/** Formacode « maçonnerie ». */
const MACONNERIE = "22334";

describe("catalogue search by words", () => {
  it("ignores accents and case, stems French words and takes every word as a prefix", async () => {
    const word = uniqueWord();
    await publishAll(word, [
      { title: "Maçon du bâti ancien", objectives: "Restaurer des murs en pierre avec des enduits à la chaux." },
      { title: "Électricien d’équipement", objectives: "Installer des réseaux électriques dans les bâtiments." },
    ]);
    expect(titles(await search({ q: `macon ${word}` }))).toEqual(["Maçon du bâti ancien"]);
    expect(titles(await search({ q: `ELECTRICIEN ${word}` }))).toEqual(["Électricien d’équipement"]);
    // « restaurer » and « restauration » share their stem; « bât » is the start of « bâti » and « bâtiments ».
    expect(titles(await search({ q: `restauration ${word}` }))).toEqual(["Maçon du bâti ancien"]);
    expect(titles(await search({ q: `bat ${word}` })).sort()).toEqual(["Maçon du bâti ancien", "Électricien d’équipement"]);
    expect(titles(await search({ q: `${word.slice(0, 7)} chaux` }))).toEqual(["Maçon du bâti ancien"]);
  });

  it("finds an action by its organisation and its Formacode labels", async () => {
    const word = uniqueWord();
    const name = `Compagnons ${uniqueWord()}`;
    await publishAll(word, [{ title: "Restaurer les murs anciens", formacodes: [MACONNERIE] }], name);
    expect(titles(await search({ q: `maçonnerie ${word}` }))).toEqual(["Restaurer les murs anciens"]);
    expect(titles(await search({ q: name }))).toEqual(["Restaurer les murs anciens"]);
  });

  it("finds a renamed organisation under its new name", async () => {
    const word = uniqueWord();
    const [published] = await publishAll(word, [{ title: "Cariste en entrepôt" }]);
    const db = await getDb();
    const [row] = await db.select({ organisationId: publishedActions.organisationId }).from(publishedActions).where(eq(publishedActions.actionId, published!.actionId));
    const renamed = `Logistique ${uniqueWord()}`;
    await db.update(organisations).set({ name: renamed }).where(eq(organisations.id, row!.organisationId));
    expect(titles(await search({ q: renamed }))).toEqual(["Cariste en entrepôt"]);
  });

  it("tolerates typos when no action has the words as typed, and suggests the spelling", async () => {
    const word = uniqueWord();
    await publishAll(word, [{ title: "Maçon du bâti ancien", content: "Maçonnerie de pierre et enduits.", formacodes: [MACONNERIE] }]);
    const strict = await search({ q: "macon" });
    expect(titles(strict)).toContain("Maçon du bâti ancien");
    expect(strict.approximate).toBeNull();
    const misspelt = await search({ q: "maçonerie" });
    expect(titles(misspelt)).toContain("Maçon du bâti ancien");
    expect(misspelt.approximate).toEqual({ suggestion: "maçonnerie" });
    const db = await getDb();
    expect(await db.select().from(searchLexicon).where(eq(searchLexicon.word, "maçonnerie"))).toEqual([{ word: "maçonnerie", plain: "maconnerie" }]);
  });

  it("suggests the spelling and ways out when the filters leave nothing, even approximately", async () => {
    const word = uniqueWord();
    await publishAll(word, [{ title: "Charpentier", sessions: [session(PLACES.luneville)] }]);
    const misspelt = word.slice(0, 5) + word.slice(6);
    // In Moselle there is nothing, even with the nearest spelling: the suggestion stays, and
    // dropping the department is counted with it.
    const elsewhere = await search({ q: misspelt, departement: "57" });
    expect([elsewhere.total, elsewhere.approximate, elsewhere.spelling]).toEqual([0, null, word]);
    expect(elsewhere.alternatives).toContainEqual({ kind: "drop", filter: "department", total: 1 });
    // Lunéville is 26 km from Nancy: 50 km finds it.
    const tooClose = await search({ q: misspelt, ville: "Nancy", rayon: "10" });
    expect([tooClose.total, tooClose.spelling]).toEqual([0, word]);
    expect(tooClose.alternatives).toContainEqual({ kind: "radius", radius: 50, total: 1 });
    // Found approximately: the results, with the suggestion among them.
    const found = await search({ q: misspelt });
    expect([titles(found), found.approximate, found.spelling]).toEqual([["Charpentier"], { suggestion: word }, null]);
  });

  it("does not suggest a spelling that only texts no longer online have", async () => {
    const word = uniqueWord();
    const [gone] = await publishAll(word, [{ title: "Charpentier", sessions: [session(PLACES.luneville)] }]);
    const db = await getDb();
    await db.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, gone!.actionId));
    const misspelt = word.slice(0, 5) + word.slice(6);
    for (const params of [{ q: misspelt }, { q: misspelt, departement: "57" }]) {
      const outcome = await search(params);
      expect([outcome.total, outcome.approximate, outcome.spelling]).toEqual([0, null, null]);
    }
  });

  it("takes the words of a new version into the spelling suggestions", async () => {
    const word = uniqueWord();
    const [published] = await publishAll(word, [{ title: "Carreleur mosaïste" }]);
    const db = await getDb();
    const [row] = await db.select({ organisationId: publishedActions.organisationId }).from(publishedActions).where(eq(publishedActions.actionId, published!.actionId));
    const provider = actorOf(await createProviderUser({ organisationId: row!.organisationId }));
    const staff = actorOf(await createStaffUser());
    const added = uniqueWord();
    await publishAction({ actionId: published!.actionId, organisationId: row!.organisationId, provider, staff, content: actionContent({ title: `Carreleur ${added}` }) });
    expect(await db.select().from(searchLexicon).where(eq(searchLexicon.word, added))).toEqual([{ word: added, plain: added }]);
  });

  it("ranks by relevance (title first), then by the next start date", async () => {
    const word = uniqueWord();
    await publishAll(word, [
      { title: "Agent de nettoyage", content: "Un module pour découvrir le métier de soudeur.", sessions: [session(PLACES.nancy, 10)] },
      { title: "Soudeur en tuyauterie (mars)", sessions: [session(PLACES.nancy, 40)] },
      { title: "Soudeur en tuyauterie (février)", sessions: [session(PLACES.nancy, 20)] },
    ]);
    expect(titles(await search({ q: `soudeur ${word}` }))).toEqual(["Soudeur en tuyauterie (février)", "Soudeur en tuyauterie (mars)", "Agent de nettoyage"]);
    expect(titles(await search({ q: `soudeur ${word}`, tri: "date" }))).toEqual(["Agent de nettoyage", "Soudeur en tuyauterie (février)", "Soudeur en tuyauterie (mars)"]);
  });

  it("shows only diffused actions and sessions", async () => {
    const word = uniqueWord();
    const [archived, , past] = await publishAll(word, [
      { title: "Action archivée" },
      { title: "Session passée et session à venir", sessions: [session(PLACES.nancy, -20), session(PLACES.metz, 15)] },
      { title: "Sessions toutes passées", sessions: [session(PLACES.nancy, -20)] },
    ]);
    const db = await getDb();
    await db.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, archived!.actionId));
    const outcome = await search({ q: word });
    expect(titles(outcome)).toEqual(["Session passée et session à venir"]);
    expect(outcome.hits[0]!.towns).toEqual(["Metz"]);
    expect(outcome.hits.some((h) => h.actionId === past!.actionId)).toBe(false);
  });

  it("pages through every result, with the total", async () => {
    const word = uniqueWord();
    await publishAll(word, Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ title: `Formation numéro ${String(i).padStart(2, "0")}`, sessions: [session(PLACES.nancy, 10 + i)] })));
    const first = await search({ q: word });
    const second = await search({ q: word, page: "2" });
    expect([first.total, first.hits.length, second.hits.length]).toEqual([PAGE_SIZE + 3, PAGE_SIZE, 3]);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(PAGE_SIZE + 3);
    expect(titles(second)).toEqual(["Formation numéro 20", "Formation numéro 21", "Formation numéro 22"]);
    expect((await search({ q: word, page: "9" })).hits).toEqual([]);
  });

  it("answers hostile query strings without error", async () => {
    for (const q of ["'; drop table published_actions; --", "<script>alert(1)</script>", "a & | ! :* ()", "é".repeat(5000), "\u0000"]) {
      const outcome = await search({ q, departement: ["57", "x"], rayon: "-3", du: "0000-00-00", ville: "<b>" });
      expect(outcome.total).toBeGreaterThanOrEqual(0);
    }
  });
});
