// The filters of the catalogue search, alone and together, the distance from a town, the counts
// per filter value and what an empty search proposes. Words: search.test.ts.

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import { actionContent, addressIn, createProviderAndStaff, publishAction } from "@/db/test-utils/fixtures";
import { PLACES, publishAll, search, session, titles, uniqueWord } from "@/db/test-utils/search";
import { addDays, parisDate } from "@/lib/dates";

const sorted = (list: string[]) => [...list].sort();
const CERTIFICATION = { register: "rncp" as const, code: "34828", label: "Titre professionnel de maçon" };

describe("catalogue search filters", () => {
  it("filters on each property of the action, with a count per value computed without its own filter", async () => {
    const word = uniqueWord();
    await publishAll(word, [
      { title: "Maçon", formacodes: ["22334"], funders: [{ id: randomUUID(), code: "2", places: 12 }], exitLevel: "13", certifying: true, certification: CERTIFICATION, teachingMode: "0" },
      { title: "Comptable", formacodes: ["32663"], funders: [{ id: randomUUID(), code: "4", places: 12 }], exitLevel: "14", teachingMode: "2", publicCodes: ["80056", "80005"] },
      { title: "Agent d’accueil", permanentEntry: true, sessions: [], teachingMode: "1", exitLevel: "13" },
    ]);
    const all = await search({ q: word });
    expect(all.total).toBe(3);
    expect(all.facets.field).toEqual({ "223": 1, "326": 1, "420": 1 });
    expect(all.facets.funder).toEqual({ "2": 2, "4": 1 });
    expect(all.facets.level).toEqual({ "13": 2, "14": 1 });
    expect(all.facets.teachingMode).toEqual({ "0": 1, "1": 1, "2": 1 });
    expect(all.facets.publicCode).toEqual({ "80056": 3, "80005": 1 });
    expect([all.facets.certifying, all.facets.permanentEntry]).toEqual([1, 1]);

    expect(titles(await search({ q: word, domaine: "223" }))).toEqual(["Maçon"]);
    expect(titles(await search({ q: word, financeur: "4" }))).toEqual(["Comptable"]);
    expect(titles(await search({ q: word, public: "80005" }))).toEqual(["Comptable"]);
    expect(sorted(titles(await search({ q: word, niveau: "13" })))).toEqual(["Agent d’accueil", "Maçon"]);
    expect(titles(await search({ q: word, certifiant: "1" }))).toEqual(["Maçon"]);
    expect(titles(await search({ q: word, modalite: "2" }))).toEqual(["Comptable"]);
    expect(titles(await search({ q: word, permanent: "1" }))).toEqual(["Agent d’accueil"]);

    // Two filters together; each count ignores its own filter but applies the other one.
    const both = await search({ q: word, niveau: "13", financeur: "2" });
    expect(sorted(titles(both))).toEqual(["Agent d’accueil", "Maçon"]);
    expect(both.facets.level).toEqual({ "13": 2 });
    expect(both.facets.funder).toEqual({ "2": 2 });
    expect(both.facets.teachingMode).toEqual({ "0": 1, "1": 1 });
  });

  it("filters on the sessions: department, start dates, places available", async () => {
    const word = uniqueWord();
    const today = parisDate();
    await publishAll(word, [
      { title: "Nancy en avril, complet", sessions: [session(PLACES.nancy, 30, { placesAvailable: 0 })] },
      { title: "Metz en mai", sessions: [session(PLACES.metz, 60)] },
      { title: "Nancy fermé, Metz ouvert", sessions: [session(PLACES.nancy, 30, { recruitment: "2" }), session(PLACES.metz, 90)] },
    ]);
    const all = await search({ q: word });
    expect(all.facets.department).toEqual({ "54": 2, "57": 2 });
    expect(all.facets.placesOnly).toBe(2);
    expect(sorted(titles(await search({ q: word, departement: "54" })))).toEqual(["Nancy en avril, complet", "Nancy fermé, Metz ouvert"]);
    expect(sorted(titles(await search({ q: word, places: "1" })))).toEqual(["Metz en mai", "Nancy fermé, Metz ouvert"]);
    // One session must meet every session filter: in Nancy, no session has places.
    const nancyWithPlaces = await search({ q: word, departement: "54", places: "1" });
    expect(nancyWithPlaces.total).toBe(0);
    expect(nancyWithPlaces.facets.department).toEqual({ "57": 2 });
    expect(nancyWithPlaces.alternatives.filter((a) => a.kind !== "words")).toEqual([
      { kind: "drop", filter: "department", total: 2 },
      { kind: "drop", filter: "placesOnly", total: 2 },
    ]);
    expect(titles(await search({ q: word, du: addDays(today, 50), au: addDays(today, 70) }))).toEqual(["Metz en mai"]);
    expect(titles(await search({ q: word, du: addDays(today, 80) }))).toEqual(["Nancy fermé, Metz ouvert"]);
    // The next start shown is the first among the sessions that match.
    const metz = await search({ q: word, departement: "57", tri: "date" });
    expect(metz.hits.map((h) => [h.title, h.nextStartDate, h.towns])).toEqual([
      ["Metz en mai", addDays(today, 60), ["Metz"]],
      ["Nancy fermé, Metz ouvert", addDays(today, 90), ["Metz"]],
    ]);
  });

  it("announces on each card the first session to come, and lists by start the actions with one first", async () => {
    const word = uniqueWord();
    const today = parisDate();
    await publishAll(word, [
      { title: "Commencée seulement", sessions: [session(PLACES.nancy, -6), session(PLACES.vandoeuvre, -3)] },
      { title: "Commencée puis à venir", sessions: [session(PLACES.nancy, -6), session(PLACES.metz, 30)] },
      { title: "Commencée, à venir complète", sessions: [session(PLACES.nancy, -5), session(PLACES.vandoeuvre, 40, { placesAvailable: 0 })] },
    ]);
    const cards = async (params: Record<string, string>) => (await search({ q: word, tri: "date", ...params })).hits.map((h) => [h.title, h.nextStartDate]);
    // A session started this week is announced only when none of those wanted is to come: the
    // last one started, as the home page and the organisation pages do.
    expect(await cards({})).toEqual([
      ["Commencée puis à venir", addDays(today, 30)],
      ["Commencée, à venir complète", addDays(today, 40)],
      ["Commencée seulement", addDays(today, -3)],
    ]);
    expect(await cards({ places: "1" })).toEqual([
      ["Commencée puis à venir", addDays(today, 30)],
      ["Commencée, à venir complète", addDays(today, -5)],
      ["Commencée seulement", addDays(today, -3)],
    ]);
    // In a department (read from the arrays) and around a town (session by session), alike.
    const nearNancy = [
      ["Commencée, à venir complète", addDays(today, 40)],
      ["Commencée puis à venir", addDays(today, -6)],
      ["Commencée seulement", addDays(today, -3)],
    ];
    expect(await cards({ departement: "54" })).toEqual(nearNancy);
    expect(await cards({ ville: "Nancy", rayon: "10" })).toEqual(nearNancy);
    // By relevance (all alike here), the same order.
    expect((await search({ q: word })).hits.map((h) => h.title)).toEqual(["Commencée puis à venir", "Commencée, à venir complète", "Commencée seulement"]);
  });

  it("counts an action under each department where it still has a session shown", async () => {
    const word = uniqueWord();
    await publishAll(word, [
      { title: "Nancy passée, Metz à venir", sessions: [session(PLACES.nancy, -30), session(PLACES.metz, 45)] },
      { title: "Nancy et Metz à venir", sessions: [session(PLACES.nancy, 20), session(PLACES.metz, 45, { placesAvailable: 0 })] },
    ]);
    const all = await search({ q: word });
    expect(all.facets.department).toEqual({ "54": 1, "57": 2 });
    expect(titles(await search({ q: word, departement: "54" }))).toEqual(["Nancy et Metz à venir"]);
    // With places left: the second one's Metz session is full.
    const withPlaces = await search({ q: word, places: "1" });
    expect(withPlaces.facets.department).toEqual({ "54": 1, "57": 1 });
    expect(withPlaces.total).toBe(2);
  });

  it("counts an action with sessions in more than four departments under those where one is still shown", async () => {
    const word = uniqueWord();
    const bar = addressIn("55029", "55000");
    const strasbourg = addressIn("67482", "67000");
    await publishAll(word, [
      {
        title: "Cinq départements",
        sessions: [session(PLACES.nancy, -30), session(PLACES.metz, 45), session(PLACES.epinal, 20, { placesAvailable: 0 }), session(bar, 10), session(strasbourg, -30)],
      },
      { title: "Nancy passée, Metz à venir", sessions: [session(PLACES.nancy, -30), session(PLACES.metz, 45)] },
    ]);
    expect((await search({ q: word })).facets.department).toEqual({ "55": 1, "57": 2, "88": 1 });
    expect((await search({ q: word, places: "1" })).facets.department).toEqual({ "55": 1, "57": 2 });
    expect(titles(await search({ q: word, departement: "67" }))).toEqual([]);
    expect(titles(await search({ q: word, departement: "88" }))).toEqual(["Cinq départements"]);
  });

  it("counts an action in four departments under the last one only when only there is a session still shown", async () => {
    const word = uniqueWord();
    const bar = addressIn("55029", "55000");
    await publishAll(word, [
      { title: "Quatre départements", sessions: [session(PLACES.nancy, -30), session(bar, -30), session(PLACES.metz, -30), session(PLACES.epinal, 20)] },
    ]);
    expect((await search({ q: word })).facets.department).toEqual({ "88": 1 });
    expect((await search({ q: word, places: "1" })).facets.department).toEqual({ "88": 1 });
  });

  it("places an action with permanent entry and no session shown at its organisation's address", async () => {
    const word = uniqueWord();
    const inMetz = await createProviderAndStaff({ communeInsee: PLACES.metz.communeInsee, postalCode: PLACES.metz.postcode });
    const publish = (title: string, sessions: ReturnType<typeof session>[]) =>
      publishAction({
        organisationId: inMetz.organisation.id,
        provider: inMetz.providerActor,
        staff: inMetz.staffActor,
        content: actionContent({ title, permanentEntry: true, sessions, content: `Entrée à tout moment. ${word}` }),
      });
    await publish("Sans session", []);
    await publish("Sessions passées", [session(PLACES.nancy, -30)]);
    // Its sessions say where it takes place: Nancy, not the organisation's Metz.
    await publish("Session à Nancy", [session(PLACES.nancy, 20)]);

    const all = await search({ q: word });
    expect(all.facets.department).toEqual({ "54": 1, "57": 2 });
    const metz = await search({ q: word, departement: "57" });
    expect(sorted(titles(metz))).toEqual(["Sans session", "Sessions passées"]);
    expect(metz.hits.map((h) => [h.nextStartDate, h.towns])).toEqual([
      [null, ["Metz"]],
      [null, ["Metz"]],
    ]);
    expect(titles(await search({ q: word, departement: "54" }))).toEqual(["Session à Nancy"]);
    const near = await search({ q: word, ville: "Metz", rayon: "10" });
    expect(sorted(titles(near))).toEqual(["Sans session", "Sessions passées"]);
    expect(near.hits.map((h) => h.distance)).toEqual([0, 0]);
    expect(titles(await search({ q: word, ville: "Nancy", rayon: "10" }))).toEqual(["Session à Nancy"]);
    // No session: no place left; but it can be started on any day, so within any dates.
    expect((await search({ q: word, departement: "57", places: "1" })).total).toBe(0);
    const fromToday = await search({ q: word, departement: "57", du: parisDate(), au: addDays(parisDate(), 30) });
    expect(sorted(titles(fromToday))).toEqual(["Sans session", "Sessions passées"]);
    expect(fromToday.facets.department).toEqual({ "54": 1, "57": 2 });

    // The organisation moves to Nancy: the actions placed at its address move with it.
    const db = await getDb();
    await db.update(organisations).set({ communeInsee: PLACES.nancy.communeInsee, postalCode: PLACES.nancy.postcode }).where(eq(organisations.id, inMetz.organisation.id));
    expect(sorted(titles(await search({ q: word, departement: "54" })))).toEqual(["Sans session", "Session à Nancy", "Sessions passées"]);
    expect((await search({ q: word, departement: "57" })).total).toBe(0);
  });

  it("finds sessions within a radius of a town, nearest first, and proposes a wider radius", async () => {
    const word = uniqueWord();
    await publishAll(word, [
      { title: "À Vandœuvre", sessions: [session(PLACES.vandoeuvre)] },
      { title: "À Saint-Nicolas-de-Port", sessions: [session(PLACES.saintNicolas)] },
      { title: "À Lunéville", sessions: [session(PLACES.luneville)] },
      { title: "À Épinal", sessions: [session(PLACES.epinal)] },
    ]);
    expect(titles(await search({ q: word, ville: "Nancy", rayon: "10" }))).toEqual(["À Vandœuvre"]);
    const twenty = await search({ q: word, ville: "nancy", rayon: "20" });
    expect(titles(twenty)).toEqual(["À Vandœuvre", "À Saint-Nicolas-de-Port"]);
    expect(twenty.town?.name).toBe("Nancy");
    expect(twenty.hits.map((h) => h.distance)).toEqual([3.7, 11.6]);
    expect(titles(await search({ q: word, ville: "54000", rayon: "30" }))).toEqual(["À Vandœuvre", "À Saint-Nicolas-de-Port", "À Lunéville"]);
    expect(titles(await search({ q: word, ville: "Epinal", rayon: "10" }))).toEqual(["À Épinal"]);
    // The place is a town or a department: a town found replaces the department asked for.
    const townAndDepartment = await search({ q: word, ville: "Nancy", rayon: "20", departement: "88" });
    expect(titles(townAndDepartment)).toEqual(["À Vandœuvre", "À Saint-Nicolas-de-Port"]);
    expect(townAndDepartment.filters.department).toBeNull();

    const none = await search({ q: `${word} Lunéville`, ville: "Nancy", rayon: "10" });
    expect(none.total).toBe(0);
    expect(none.alternatives).toContainEqual({ kind: "radius", radius: 50, total: 1 });
    expect(none.alternatives).toContainEqual({ kind: "drop", filter: "town", total: 1 });

    const unknown = await search({ q: word, ville: "Ville qui n’existe pas" });
    expect([unknown.townNotFound, unknown.filters.town, unknown.total]).toEqual(["Ville qui n’existe pas", null, 4]);
  });
});
