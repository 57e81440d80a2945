// Staff review on the real database (R2): wording corrected before approval and shown to the
// provider, codification with ROME, NSF and level, minor changes approved from the queue, and the
// queue's filters and order.

import { describe, expect, it } from "vitest";
import { quickUpdateSessions } from "@/db/queries/action-upkeep";
import { saveActionContent } from "@/db/queries/action-writes";
import { listActionHistory } from "@/db/queries/actions";
import { getDiffusedAction } from "@/db/queries/catalogue";
import { saveDossier } from "@/db/queries/dossiers";
import { listReviewQueue, type QueueFilters } from "@/db/queries/queue";
import { searchFormacodes, searchRome, suggestFormacodes } from "@/db/queries/reference";
import { approveMinorChange, approveRevision, getRevisionForReview } from "@/db/queries/review";
import { actionContent, createProviderAndStaff, dossierContent, FORMACODE_NETTOYAGE, openRevisionId, publishAction, sessionContent } from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionRow } from "@/db/test-utils/rows";
import { parisDate } from "@/lib/dates";
import { wordingChanges } from "@/lib/diff/content";
import { REWORDED_CONTENT_REFUSED } from "@/lib/validations/review";

const today = parisDate();
const codification = { formacodes: [FORMACODE_NETTOYAGE] };

async function submitted(content = actionContent()) {
  const people = await createProviderAndStaff();
  const actionId = await saveActionContent({ organisationId: people.organisation.id, actor: people.providerActor, content, submit: true });
  return { ...people, actionId, revisionId: await openRevisionId(actionId), content };
}

describe("wording corrected by staff", () => {
  it("publishes the corrected wording, keeps what the provider sent, and shows the provider what changed", async () => {
    const { organisation, staffActor, actionId, revisionId, content } = await submitted(
      actionContent({ objectives: "Réaliser le nettoyage de locaux professionnels en respectant les règles d’hygènie." }),
    );

    const result = await approveRevision({
      revisionId,
      actor: staffActor,
      codification,
      wording: { objectives: "Réaliser le nettoyage de locaux professionnels en respectant les règles d’hygiène." },
    });

    expect(result.reworded).toBe(true);
    const revision = await revisionRow(revisionId);
    expect(revision.content.objectives).toContain("règles d’hygiène.");
    expect(revision.providerContent?.objectives).toBe(content.objectives);
    const page = await getDiffusedAction({ slug: result.slug, today });
    expect(page?.kind === "found" && page.action.objectives).toContain("règles d’hygiène.");
    expect((await auditEvents(actionId)).at(-1)).toMatchObject({ event: "revision.approved", details: { reworded: true } });

    // The provider's history gives both versions; the difference is the corrected word.
    const history = await listActionHistory({ actionId, organisationId: organisation.id });
    const [approved] = history!.revisions;
    const changes = wordingChanges(approved!.providerContent!, approved!.content);
    expect(changes.map((c) => c.label)).toEqual(["Objectifs"]);
    expect(changes[0]!.words?.filter((w) => w.kind !== "same").map((w) => [w.kind, w.text.trim()])).toEqual([
      ["removed", "hygènie"],
      ["added", "hygiène"],
    ]);
  });

  it("refuses a correction that empties a required field, and changes nothing", async () => {
    const { staffActor, revisionId } = await submitted();
    const approval = approveRevision({ revisionId, actor: staffActor, codification, wording: { results: "" } });
    await expect(approval).rejects.toMatchObject({ message: REWORDED_CONTENT_REFUSED, errors: { "wording.results": "Indiquez les résultats attendus." } });
    expect(await revisionRow(revisionId)).toMatchObject({ status: "submitted", providerContent: null, decidedBy: null });
  });

  it("keeps no provider copy when the wording was sent back unchanged", async () => {
    const { staffActor, revisionId, content } = await submitted();
    const result = await approveRevision({ revisionId, actor: staffActor, codification, wording: { title: content.title } });
    expect(result.reworded).toBe(false);
    expect((await revisionRow(revisionId)).providerContent).toBeNull();
  });
});

describe("codification", () => {
  it("stores ROME, NSF and the level, publishes them, and offers them again for the next version", async () => {
    const { organisation, providerActor, staffActor, actionId, revisionId } = await submitted();
    const full = { formacodes: [FORMACODE_NETTOYAGE], romeCodes: ["K2204"], nsfCode: "343", level: "13" as const };
    await approveRevision({ revisionId, actor: staffActor, codification: full });
    expect((await revisionRow(revisionId)).codification).toEqual(full);

    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    const next = await getRevisionForReview({ revisionId: await openRevisionId(actionId) });
    expect(next?.codification).toEqual(full);
  });

  it("refuses unknown ROME and NSF codes, and writes nothing", async () => {
    const { staffActor, revisionId } = await submitted();
    await expect(approveRevision({ revisionId, actor: staffActor, codification: { ...codification, romeCodes: ["Z9999"] } })).rejects.toThrow(
      /Code ROME inconnu.*Z9999/,
    );
    await expect(approveRevision({ revisionId, actor: staffActor, codification: { ...codification, nsfCode: "999" } })).rejects.toThrow(/Code NSF inconnu/);
    await expect(approveRevision({ revisionId, actor: staffActor, codification: { formacodes: ["11001", "11002", "11003", "11004", "11005", "11006"] } })).rejects.toThrow(
      /au plus cinq codes Formacode/,
    );
    expect((await revisionRow(revisionId)).status).toBe("submitted");
  });

  it("finds Formacodes by label, synonym or related term, without accents and with a typo", async () => {
    for (const q of ["maçonnerie", "maconnerie", "maconerie", "briquetage", "ouvrage beton"]) {
      expect((await searchFormacodes({ q })).map((f) => f.code), q).toContain("22334");
    }
    const bySynonym = await searchFormacodes({ q: "propreté locaux" });
    expect(bySynonym.find((f) => f.code === FORMACODE_NETTOYAGE)?.matched).toBe("propreté locaux");
    expect((await searchRome({ q: "macon" })).some((r) => r.code.startsWith("F17"))).toBe(true);
    // The provider's words propose the codes their title reads: « gros œuvre » → 22354.
    expect((await suggestFormacodes({ text: "Maçon en bâtiment : du gros œuvre à la rénovation" })).map((f) => f.code)).toContain("22354");
  });
});

describe("minor changes", () => {
  it("a quick update is minor and approved from the queue with the published codification", async () => {
    const people = await createProviderAndStaff();
    const session = sessionContent();
    const { actionId } = await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ sessions: [session] }),
    });
    const revisionId = await quickUpdateSessions({
      actionId,
      organisationId: people.organisation.id,
      actor: people.providerActor,
      updates: [{ id: session.id, placesAvailable: 2, recruitment: "1" }],
    });
    expect((await revisionRow(revisionId)).minorChange).toBe(true);
    await approveMinorChange({ revisionId, actor: people.staffActor });
    expect(await revisionRow(revisionId)).toMatchObject({ status: "approved", codification: expect.objectContaining({ formacodes: [FORMACODE_NETTOYAGE] }) });
  });

  it("a full-form submission is minor only when places or recruitment alone changed", async () => {
    const people = await createProviderAndStaff();
    const session = sessionContent();
    const content = actionContent({ sessions: [session] });
    const { actionId } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content });
    const resend = (next: typeof content) => saveActionContent({ actionId, organisationId: people.organisation.id, actor: people.providerActor, content: next, submit: true });

    await resend({ ...content, sessions: [{ ...session, placesAvailable: 3, recruitment: "3" }] });
    expect((await revisionRow(await openRevisionId(actionId))).minorChange).toBe(true);
    await expect(approveMinorChange({ revisionId: await openRevisionId(actionId), actor: people.staffActor })).resolves.toBeDefined();

    await resend({ ...content, title: `${content.title} (nouvelle version)` });
    const revisionId = await openRevisionId(actionId);
    expect((await revisionRow(revisionId)).minorChange).toBe(false);
    await expect(approveMinorChange({ revisionId, actor: people.staffActor })).rejects.toThrow(/ouvrez la demande/);
    expect((await actionRow(actionId)).archivedAt).toBeNull();
  });
});

describe("the queue", () => {
  it("filters by organisation, kind and minor change, and says how long each item waited", async () => {
    const a = await submitted();
    const b = await submitted();
    const { items, organisations } = await listReviewQueue({ filters: { organisationId: a.organisation.id }, today });
    expect(items.map((i) => i.id)).toEqual([a.revisionId]);
    expect(items[0]).toMatchObject({ kind: "action", waitingDays: 0, late: false, minorChange: false, organisationName: a.organisation.name });
    expect(organisations.map((o) => o.id)).toEqual(expect.arrayContaining([a.organisation.id, b.organisation.id]));
    expect((await listReviewQueue({ filters: { kind: "dossier", organisationId: a.organisation.id }, today })).items).toEqual([]);
    expect((await listReviewQueue({ filters: { minor: true, organisationId: a.organisation.id }, today })).items).toEqual([]);
    // The total is the whole queue whatever the filters: a kind that leaves nothing never reads as an empty queue.
    const dossierWaits = await createProviderAndStaff();
    await saveDossier({ organisationId: dossierWaits.organisation.id, actor: dossierWaits.providerActor, content: dossierContent(), submit: true });
    const whole = (await listReviewQueue({ today })).total;
    expect(whole).toBeGreaterThan(0);
    for (const filters of [{ kind: "action" as const }, { kind: "dossier" as const }, { minor: true }, { minor: false }]) {
      expect((await listReviewQueue({ filters, today })).total).toBe(whole);
    }
    // The organisations offered are those the other filters leave something for.
    const ids = async (filters: QueueFilters) => (await listReviewQueue({ filters, today })).organisations.map((o) => o.id);
    expect(await ids({ kind: "action" })).not.toContain(dossierWaits.organisation.id);
    expect(await ids({ kind: "dossier" })).toContain(dossierWaits.organisation.id);
    expect(await ids({ kind: "action", organisationId: dossierWaits.organisation.id })).toContain(dossierWaits.organisation.id);
  });

  it("marks as late what waited more than 5 working days", async () => {
    const people = await createProviderAndStaff();
    const sentAt = new Date(Date.now() - 14 * 24 * 3600 * 1000);
    const actionId = await saveActionContent({ organisationId: people.organisation.id, actor: people.providerActor, content: actionContent(), submit: true, now: sentAt });
    const { items } = await listReviewQueue({ filters: { organisationId: people.organisation.id, late: true }, today });
    expect(items).toEqual([expect.objectContaining({ id: await openRevisionId(actionId), late: true })]);
    expect(items[0]!.waitingDays).toBeGreaterThanOrEqual(8);
  });
});
