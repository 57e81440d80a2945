// The data generator: a seed names a data set; what it writes is what the product would accept
// (the action and dossier schemas, real Lorraine communes and postcodes, known Formacodes); it
// writes in one transaction; and its catalogue rows are those approval writes.

import { and, count, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { generate, generateRows, type GeneratedChunk } from "@/db/generate";
import { loadPlaces } from "@/db/generate/places";
import { publishedActionRow, publishedSessionRows } from "@/db/generate/published";
import type { PublishedActionRow, RevisionRow } from "@/db/generate/types";
import { saveActionContent } from "@/db/queries/action-writes";
import { approveRevision } from "@/db/queries/review";
import { actions, auditLog, formacodes, postcodes, publishedActions, publishedSessions } from "@/db/schema";
import { createProviderAndStaff, openRevisionId } from "@/db/test-utils/fixtures";
import { parisDate } from "@/lib/dates";
import { earliestDiffusedStartDate, sessionWithdrawalDate } from "@/lib/diffusion";
import { isValidSiret } from "@/lib/siret";
import { actionContentSchema, actionDraftSchema, codificationSchema, withdrawnSessionErrors, type Codification } from "@/lib/validations/action";
import { dossierContentSchema, displayName } from "@/lib/validations/organisation";

const OPTIONS = { seed: 42, organisations: 4, actions: 40, sessionsPerAction: 2.5, revisionsPerAction: 1.5, auditEntries: 400, today: "2026-06-15" };

async function rowsOf(options: Omit<Parameters<typeof generate>[0], "db">): Promise<GeneratedChunk[]> {
  return [...generateRows(options, await loadPlaces(await getDb()))];
}

function split(chunks: GeneratedChunk[]) {
  const [organisations, ...rest] = chunks as [Extract<GeneratedChunk, { kind: "organisations" }>, ...Extract<GeneratedChunk, { kind: "actions" }>[]];
  return { ...organisations, revisions: rest.flatMap((c) => c.revisions), published: rest.flatMap((c) => c.published), actionEvents: rest.flatMap((c) => c.events) };
}

describe("generateRows", () => {
  it("gives the same rows for the same seed, and other rows for another", async () => {
    const first = await rowsOf(OPTIONS);
    expect(await rowsOf(OPTIONS)).toEqual(first);
    expect(JSON.stringify(await rowsOf(OPTIONS))).toBe(JSON.stringify(first));
    expect(JSON.stringify(await rowsOf({ ...OPTIONS, seed: 43 }))).not.toBe(JSON.stringify(first));
  });

  it("writes content the product accepts: schemas, dates, Lorraine communes with their postcodes, known codes", async () => {
    const data = split(await rowsOf({ ...OPTIONS, actions: 120 }));
    const statuses = new Set(data.revisions.map((r) => r.status));
    expect([...statuses].sort()).toEqual(["approved", "draft", "rejected", "submitted"]);

    for (const revision of data.revisions as RevisionRow[]) {
      expect(actionDraftSchema.safeParse(revision.content).success).toBe(true);
      if (revision.status === "draft") continue;
      const complete = actionContentSchema.safeParse(revision.content);
      expect(complete.error?.issues ?? []).toEqual([]);
      const sentOn = parisDate(revision.submittedAt!);
      expect(withdrawnSessionErrors(revision.content, sentOn)).toEqual({});
      if (revision.content.funding.voteDate) expect(revision.content.funding.voteDate <= sentOn).toBe(true);
      if (revision.status === "approved") expect(codificationSchema.safeParse(revision.codification).success).toBe(true);
      if (revision.status === "rejected") expect(revision.rejectionReason!.length).toBeGreaterThanOrEqual(10);
    }
    for (const dossier of data.dossiers) expect(dossierContentSchema.safeParse(dossier.content).error?.issues ?? []).toEqual([]);
    for (const organisation of data.organisations) {
      expect(isValidSiret(organisation.siret)).toBe(true);
      expect(displayName(organisation.dossier!)).toBe(organisation.name);
    }
    expect(new Set(data.users.map((u) => u.identifier.toLowerCase())).size).toBe(data.users.length);

    const addresses = [
      ...data.organisations.map((o) => [o.postalCode, o.communeInsee] as const),
      ...data.revisions.flatMap((r) => r.content.sessions.map((s) => [s.address.postcode, s.address.communeInsee] as const)),
    ];
    expect(addresses.every(([, insee]) => ["54", "55", "57", "88"].includes(insee.slice(0, 2)))).toBe(true);
    const db = await getDb();
    const pairs = [...new Set(addresses.map(([postcode, insee]) => `${postcode}:${insee}`))];
    const [known] = await db
      .select({ n: count() })
      .from(postcodes)
      .where(inArray(sql`${postcodes.postcode} || ':' || ${postcodes.inseeCode}`, pairs));
    expect(Number(known!.n)).toBe(pairs.length);
    const codes = [...new Set(data.revisions.flatMap((r) => r.codification?.formacodes ?? []))];
    expect(Number((await db.select({ n: count() }).from(formacodes).where(inArray(formacodes.code, codes)))[0]!.n)).toBeGreaterThanOrEqual(codes.length);

    // The log tells the same story as the rows: every submission and decision of every revision.
    const events = data.actionEvents;
    expect(events.filter((e) => e.event === "revision.submitted")).toHaveLength(data.revisions.filter((r) => r.submittedAt).length);
    expect(events.filter((e) => e.event === "revision.approved")).toHaveLength(data.revisions.filter((r) => r.status === "approved").length);
    expect(events.every((e) => e.at.getTime() <= new Date(`${OPTIONS.today}T06:00:00Z`).getTime())).toBe(true);
  });
});

describe("generate", () => {
  it("writes in one transaction, the log to the size asked, and refuses the same seed twice", async () => {
    const db = await getDb();
    const before = async (tx: Pick<typeof db, "select">) => ({
      actions: Number((await tx.select({ n: count() }).from(actions))[0]!.n),
      audit: Number((await tx.select({ n: count() }).from(auditLog))[0]!.n),
      sessions: Number((await tx.select({ n: count() }).from(publishedSessions))[0]!.n),
    });
    const start = await before(db);
    const rolledBack = new Error("rolled back on purpose");
    await expect(
      db.transaction(async (tx) => {
        const summary = await generate({ db: tx, ...OPTIONS, seed: 7 });
        expect(summary).toMatchObject({ organisations: 4, actions: 40, auditEntries: 400 });
        expect(await before(tx)).toEqual({ actions: start.actions + 40, audit: start.audit + 400, sessions: start.sessions + summary.publishedSessions });
        await expect(generate({ db: tx, ...OPTIONS, seed: 7 })).rejects.toThrow(/already generated/);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await before(db)).toEqual(start);
  });

  it("writes the catalogue rows approval writes", async () => {
    const today = parisDate();
    const data = split(await rowsOf({ ...OPTIONS, actions: 80, today, now: new Date() }));
    // An approved revision the product would still accept today (no session past J+8).
    const published = data.published.find((p) => p.details.sessions.length > 0 && p.details.sessions.every((s) => s.startDate >= earliestDiffusedStartDate(today)));
    expect(published).toBeDefined();
    const { details: content, formacodes: codes } = published as PublishedActionRow & { formacodes: string[] };
    const codification: Codification = { formacodes: codes, romeCodes: [], nsfCode: "", level: "" };

    const s = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: s.organisation.id, actor: s.providerActor, content, submit: true });
    const revisionId = await openRevisionId(actionId);
    await approveRevision({ revisionId, actor: s.staffActor, codification });

    const db = await getDb();
    const [row] = await db.select().from(publishedActions).where(eq(publishedActions.actionId, actionId));
    const expected = publishedActionRow({ actionId, revisionId, organisationId: s.organisation.id, content, codification, publishedAt: row!.publishedAt, firstPublishedAt: row!.firstPublishedAt });
    // The search columns and the diffusion date are written by triggers, for the generator's rows as for approval's.
    const { searchDocument, formacodeFields, diffusedUntil, sessionStarts, sessionKeys, sessionCommunes, sessionLatitudes, sessionLongitudes, sessionOpen, departments, departmentLastStarts, departmentLastOpenStarts, ...written } = row!;
    expect(written).toEqual(expected);
    expect([searchDocument?.length, formacodeFields.length]).toEqual([expect.any(Number), expect.any(Number)]);
    const lastStart = content.sessions.map((session) => session.startDate).sort().at(-1)!;
    expect(diffusedUntil).toBe(content.permanentEntry ? "infinity" : sessionWithdrawalDate(lastStart));
    // The sessions' copy, soonest first.
    expect(sessionStarts).toEqual(content.sessions.map((session) => session.startDate).sort());
    expect([...sessionCommunes].sort()).toEqual(content.sessions.map((session) => session.address.communeInsee).sort());
    const copied = [sessionKeys, sessionLatitudes, sessionLongitudes, sessionOpen].map((values) => values.length);
    expect(copied).toEqual(copied.map(() => content.sessions.length));
    expect([departments.length, departmentLastStarts.length, departmentLastOpenStarts.length]).toEqual([departments.length, departments.length, departments.length]);
    expect(departmentLastStarts.every((last) => last <= lastStart)).toBe(true);
    const sessions = await db.select().from(publishedSessions).where(and(eq(publishedSessions.actionId, actionId)));
    const sort = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const placeColumns = new Set(["department", "latitude", "longitude"]);
    const withoutPlace = sessions.map((session) => Object.fromEntries(Object.entries(session).filter(([key]) => !placeColumns.has(key))) as (typeof sessions)[number]);
    expect(sort(withoutPlace)).toEqual(sort(publishedSessionRows(actionId, content)));
    expect(sessions.every((session) => session.department && session.latitude !== null)).toBe(true);
  });
});
