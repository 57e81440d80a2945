// The journal (« Journal », staff): filters that combine, keyset pages that stay stable while
// entries are written, and parameters that cannot be right ignored. On the real database; the
// entries are dated in 2001 so that no other test's entries fall in the same days.

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listJournal, resolveJournalQuery, type JournalCursor, type JournalEntry, type JournalFilters } from "@/db/queries/journal";
import { saveActionContent } from "@/db/queries/action-writes";
import { auditLog } from "@/db/schema";
import { actionContent, createOrganisation, createProviderAndStaff, createProviderUser, openRevisionId, publishAction } from "@/db/test-utils/fixtures";
import { entryRecord } from "@/app/(gestion)/gestion/journal/labels";
import { EARLIEST_DAY, parseJournalParams } from "@/app/(gestion)/gestion/journal/search-params";

const TODAY = "2026-06-15";

type Insert = typeof auditLog.$inferInsert;

async function insertEntries(rows: Insert[]) {
  const db = await getDb();
  return db.insert(auditLog).values(rows).returning({ id: auditLog.id });
}

/** Every entry the filters select, page after page of `limit`, following the « older » cursor. */
async function walk(filters: JournalFilters, limit: number) {
  const pages: JournalEntry[][] = [];
  let cursor: JournalCursor = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listJournal({ filters, cursor, limit });
    pages.push(page.entries);
    if (page.older === null) return pages;
    cursor = { before: page.older };
  }
  throw new Error("too many pages");
}

/** An organisation with a provider, a staff member, a published action and entries in February 2001. */
async function scene() {
  const { organisation, provider, staff, providerActor, staffActor } = await createProviderAndStaff();
  const published = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
  const entity = { entityType: "action", entityId: published.actionId };
  const at = (iso: string) => new Date(iso);
  const rows: Insert[] = [
    { ...entity, at: at("2001-02-01T09:00:00Z"), event: "revision.saved", actorId: provider.id, actorRole: "provider", details: { revisionId: published.revisionId } },
    // Two entries at the same instant: the id decides their order.
    { ...entity, at: at("2001-02-02T23:30:00Z"), event: "revision.submitted", actorId: provider.id, actorRole: "provider" },
    { ...entity, at: at("2001-02-02T23:30:00Z"), event: "revision.saved", actorId: provider.id, actorRole: "provider" },
    { ...entity, at: at("2001-02-03T23:30:00Z"), event: "revision.approved", actorId: staff.id, actorRole: "staff", details: { revisionId: published.revisionId, formacodes: ["42093"] } },
    { entityType: "organisation", entityId: organisation.id, at: at("2001-02-05T10:00:00Z"), event: "dossier.approved", actorId: staff.id, actorRole: "staff", details: { dossierId: randomUUID() } },
    { ...entity, at: at("2001-02-06T10:00:00Z"), event: "revision.rejected", actorId: staff.id, actorRole: "staff", details: { revisionId: published.revisionId, reason: "Motif ; avec « guillemets »", password: "secret", token: "abc" } },
    { ...entity, at: at("2001-02-07T10:00:00Z"), event: "action.archived", actorId: null, actorRole: null },
  ];
  const ids = (await insertEntries(rows)).map((r) => r.id);
  return { organisation, provider, staff, published, ids };
}

const inFebruary2001 = { from: "2001-02-01", to: "2001-02-28" };

describe("journal filters", () => {
  it("by organisation: its own entries and its actions', not another organisation's", async () => {
    const s = await scene();
    const other = await scene();
    const entries = (await listJournal({ filters: { organisationId: s.organisation.id, ...inFebruary2001 }, limit: 100 })).entries;
    expect(entries.some((e) => other.ids.includes(e.id))).toBe(false);
    // Newest first; the two entries of the same instant, the later written first.
    expect(entries.map((e) => e.id)).toEqual([...s.ids].reverse());
  });

  it("combines organisation, event, person and dates", async () => {
    const s = await scene();
    const filters: JournalFilters = { organisationId: s.organisation.id, event: "revision.approved", userId: s.staff.id, ...inFebruary2001 };
    const { entries } = await listJournal({ filters });
    expect(entries.map((e) => e.id)).toEqual([s.ids[3]]);
    expect(entries[0]).toMatchObject({ event: "revision.approved", actor: { id: s.staff.id, role: "staff" }, organisation: { id: s.organisation.id } });
    expect((await listJournal({ filters: { ...filters, userId: s.provider.id } })).entries).toEqual([]);
  });

  it("dates are Paris days, both ends included", async () => {
    const s = await scene();
    const on = async (from: string, to: string) =>
      (await listJournal({ filters: { organisationId: s.organisation.id, from, to } })).entries.map((e) => e.id).sort();
    // 2001-02-02T23:30Z is 00:30 on 3 February in Paris; 2001-02-03T23:30Z is 00:30 on the 4th.
    expect(await on("2001-02-03", "2001-02-03")).toEqual([s.ids[1], s.ids[2]].sort());
    expect(await on("2001-02-04", "2001-02-04")).toEqual([s.ids[3]]);
    expect(await on("2001-02-01", "2001-02-02")).toEqual([s.ids[0]]);
  });

  it("one action's history", async () => {
    const s = await scene();
    const entries = (await listJournal({ filters: { actionId: s.published.actionId, ...inFebruary2001 } })).entries;
    expect(entries.map((e) => e.id).sort()).toEqual(s.ids.filter((_, i) => i !== 4).sort());
  });
});

describe("journal pages (keyset)", () => {
  it("pages cover every entry once, in order, and the newer cursor walks back to the same pages", async () => {
    const s = await scene();
    const filters = { organisationId: s.organisation.id, ...inFebruary2001 };
    const all = (await listJournal({ filters, limit: 100 })).entries.map((e) => e.id);
    const pages = await walk(filters, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    const walked = pages.flat().map((e) => e.id);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);

    const third = await listJournal({ filters, cursor: { before: pages[1]!.at(-1)!.id }, limit: 2 });
    const back = await listJournal({ filters, cursor: { after: third.newer! }, limit: 2 });
    expect(back.entries.map((e) => e.id)).toEqual(pages[1]!.map((e) => e.id));
    // Nothing newer beyond the first page: the first page, whole, with no newer link.
    const first = await listJournal({ filters, cursor: { after: pages[0]![1]!.id }, limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual(pages[0]!.map((e) => e.id));
    expect(first.newer).toBeNull();
  });

  it("an entry written meanwhile does not shift the next page", async () => {
    const s = await scene();
    const filters = { organisationId: s.organisation.id };
    const page1 = await listJournal({ filters, limit: 3 });
    const page2 = await listJournal({ filters, cursor: { before: page1.older! }, limit: 3 });
    await insertEntries([{ entityType: "organisation", entityId: s.organisation.id, event: "dossier.saved", actorId: s.provider.id, actorRole: "provider" }]);
    const again = await listJournal({ filters, cursor: { before: page1.older! }, limit: 3 });
    expect(again.entries.map((e) => e.id)).toEqual(page2.entries.map((e) => e.id));
    expect((await listJournal({ filters, limit: 3 })).entries[0]!.event).toBe("dossier.saved");
  });
});

describe("journal entries", () => {
  it("say who, name the record and link to it; details keep only the keys the journal shows", async () => {
    const s = await scene();
    const { entries } = await listJournal({ filters: { organisationId: s.organisation.id, ...inFebruary2001 }, limit: 100 });
    const byEvent = (event: string) => entries.find((e) => e.event === event)!;
    expect(entryRecord(byEvent("revision.approved"))).toEqual({ label: expect.stringContaining("Agent de propreté"), href: `/gestion/validation/${s.published.revisionId}` });
    expect(entryRecord(byEvent("dossier.approved")).href).toMatch(/^\/gestion\/dossiers\/[0-9a-f-]{36}$/);
    // No revision named: the organisation's page.
    expect(entryRecord(byEvent("action.archived")).href).toBe(`/gestion/organismes/${s.organisation.id}`);
    expect(byEvent("action.archived").actor).toBeNull();
    expect(byEvent("revision.rejected").details).toEqual({ revisionId: s.published.revisionId, reason: "Motif ; avec « guillemets »" });
  });

  it("a draft is not linked to the review page, which only shows what was sent", async () => {
    const organisation = await createOrganisation();
    const provider = await createProviderUser({ organisationId: organisation.id });
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: { id: provider.id, role: "provider" }, content: actionContent(), submit: false });
    const revisionId = await openRevisionId(actionId);
    const [saved] = (await listJournal({ filters: { actionId, event: "revision.saved" } })).entries;
    expect(saved!.revision).toEqual({ id: revisionId, status: "draft" });
    expect(entryRecord(saved!).href).toBe(`/gestion/organismes/${organisation.id}`);
  });
});

describe("journal parameters", () => {
  it("ignores what cannot be right and brings dates back into range", () => {
    const garbage = { organisme: "pas-un-uuid", action: "1' or '1'='1", personne: ["x"], evenement: "drop.table", du: "2026-02-31", au: "9999-12-31", avant: "-5", apres: "1e3" };
    expect(parseJournalParams(garbage, TODAY)).toEqual({ filters: { to: TODAY }, cursor: null });
    expect(parseJournalParams({ du: "0001-01-01" }, TODAY).filters).toEqual({ from: EARLIEST_DAY });
    expect(parseJournalParams({ du: "2026-05-01", au: "2026-04-01" }, TODAY).filters).toEqual({ from: "2026-04-01", to: "2026-05-01" });
    expect(parseJournalParams({ avant: "99999999999999999999" }, TODAY).cursor).toBeNull();
    expect(parseJournalParams(new URLSearchParams("evenement=revision.approved&avant=12"), TODAY)).toEqual({ filters: { event: "revision.approved" }, cursor: { before: 12 } });
  });

  it("drops ids that exist nowhere, and a cursor on no entry", async () => {
    const s = await scene();
    const unknown = randomUUID();
    const resolved = await resolveJournalQuery({ filters: { organisationId: unknown, actionId: unknown, userId: s.staff.id }, cursor: { before: 9_000_000_000_000 } });
    expect(resolved.filters).toEqual({ userId: s.staff.id });
    expect(resolved.cursor).toBeNull();
    expect(resolved.user).toMatchObject({ id: s.staff.id, role: "staff" });
    const withAction = await resolveJournalQuery({ filters: { actionId: s.published.actionId }, cursor: { before: s.ids[0]! } });
    expect(withAction).toMatchObject({ filters: { actionId: s.published.actionId }, cursor: { before: s.ids[0] }, action: { id: s.published.actionId, title: expect.stringContaining("Agent de propreté") } });
  });
});
