// « Importer un fichier LHÉO », called as the page calls it, on the real database: the feed's
// own document imported back gives drafts with the same content (round trip); formations of
// another SIRET are refused; hostile files and other roles write nothing.

import { databaseFingerprint, NO_RIGHTS, signInAs } from "@/app/test-utils/server-action-harness";
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importLheoBatch, readLheoFile } from "@/app/(organisme)/espace-organisme/actions/importer/server-actions";
import { getDb } from "@/db";
import { actionRevisions, actions, auditLog, publishedActions } from "@/db/schema";
import { actionContent, createProviderAndStaff, publishAction } from "@/db/test-utils/fixtures";
import { writeFeed } from "@/db/test-utils/lheo-feed";
import { parisDate } from "@/lib/dates";
import { FILE_ERRORS, IMPORT_BATCH } from "@/lib/lheo/import-limits";
import type { ActionContent } from "@/lib/validations/action";

const fileForm = (text: string, name = "offre.xml") => {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "application/xml" }));
  return form;
};

/** Everything but the ids drawn again on import (funders, modules) and the names filled in on save. */
const comparable = (c: ActionContent) => ({ ...c, funders: c.funders.map((f) => ({ ...f, id: "" })), modules: c.modules.map((m) => ({ ...m, id: "" })) });

async function importFile(text: string) {
  const read = await readLheoFile(fileForm(text));
  if (!("formations" in read)) return { read, reports: [] };
  const importable = read.formations.filter((f) => f.content !== null);
  const reports = [];
  for (let i = 0; i < importable.length; i += IMPORT_BATCH) {
    const batch = importable.slice(i, i + IMPORT_BATCH).map((f) => ({ position: f.position, numero: f.numero, content: f.content, notes: f.notes }));
    const result = await importLheoBatch({ fileName: read.fileName, formations: batch });
    if (!("reports" in result)) throw new Error(result.message);
    reports.push(...result.reports);
  }
  return { read, reports };
}

describe("Importer un fichier LHÉO", () => {
  it("export → import: the provider's published action comes back as a draft with the same content; other organisations' formations are refused", async () => {
    const people = await createProviderAndStaff();
    const original = actionContent({ prerequisites: "Savoir lire & écrire « le français ».", price: 900, free: false });
    const { actionId } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content: original });
    const other = await createProviderAndStaff();
    await publishAction({ organisationId: other.organisation.id, provider: other.providerActor, staff: other.staffActor });

    signInAs(people.provider);
    const { read, reports } = await importFile((await writeFeed({ today: parisDate() }))!);
    if (!("formations" in read)) throw new Error(read.message);
    expect(read.version).toBe("2.3");
    const refusedOther = read.formations.find((f) => f.siret === other.organisation.siret);
    expect(refusedOther?.refusal).toBe(
      `Cette formation est celle d’un autre organisme (SIRET ${other.organisation.siret})\u00a0: vous ne pouvez importer que celles de votre organisme (SIRET ${people.organisation.siret}).`,
    );
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.status === "created")).toBe(true);

    const db = await getDb();
    const drafts = await db
      .select({ id: actions.id, content: actionRevisions.content, status: actionRevisions.status })
      .from(actions)
      .innerJoin(actionRevisions, eq(actionRevisions.actionId, actions.id))
      .where(eq(actions.organisationId, people.organisation.id));
    const imported = drafts.filter((d) => d.id !== actionId);
    expect(imported).toHaveLength(reports.length);
    expect(imported.every((d) => d.status === "draft")).toBe(true);
    const [published] = await db.select({ details: publishedActions.details }).from(publishedActions).where(eq(publishedActions.actionId, actionId));
    const copy = imported.find((d) => d.content.title === original.title);
    expect(comparable(copy!.content)).toEqual(comparable(published!.details));
    // Never published without validation; the save is in the journal with the file it came from.
    expect(await db.select().from(publishedActions).where(eq(publishedActions.actionId, copy!.id))).toEqual([]);
    const [saved] = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.entityId, copy!.id), eq(auditLog.event, "revision.saved")));
    expect(saved!.details).toMatchObject({ importedFrom: { file: "offre.xml", numero: `F-${actionId}` } });
  });

  it("imports the ONISEP file (LHÉO 2.2): its CEDEX postcode replaced by the commune's, unknown public codes left out, all said", async () => {
    const people = await createProviderAndStaff();
    signInAs(people.provider);
    const onisep = readFileSync(new URL("../../../../../db/reference/lheo/samples/onisep-bts-2.2.xml", import.meta.url), "utf8");
    const { reports } = await importFile(onisep.replace(/<SIRET>\d+<\/SIRET>/, `<SIRET>${people.organisation.siret}</SIRET>`));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: "created", title: "BTS négociation et relation client" });
    expect(reports[0]!.notes).toEqual(
      expect.arrayContaining(["La mise en forme (balises HTML) a été retirée des textes.", "Session 1\u00a0: le code postal 29391 a été remplacé par 29300, celui de Quimperlé."]),
    );
    const db = await getDb();
    const [draft] = await db.select({ content: actionRevisions.content }).from(actionRevisions).where(eq(actionRevisions.actionId, reports[0]!.actionId!));
    expect(draft!.content.sessions[0]!.address).toMatchObject({ postcode: "29300", communeInsee: "29233", communeName: "Quimperlé" });
  });

  it("refuses hostile and foreign files with a clear message, writing nothing", async () => {
    const people = await createProviderAndStaff();
    signInAs(people.provider);
    const before = await databaseFingerprint();
    const refusal = async (text: string) => {
      const result = await readLheoFile(fileForm(text));
      return "formations" in result ? null : result.message;
    };
    expect(await refusal(`<?xml version="1.0"?><!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/passwd">]><lheo xmlns="http://lheo.gouv.fr/2.3"><offres/></lheo>`)).toBe(FILE_ERRORS.doctype);
    expect(await refusal(`<lheo xmlns="urn:autre"><offres/></lheo>`)).toBe(FILE_ERRORS.notLheo);
    expect(await refusal("ceci n’est pas du XML")).toMatch(/n’est pas un fichier XML lisible/);
    expect(await refusal("x".repeat(5 * 1024 * 1024 + 1))).toBe(FILE_ERRORS.tooLarge);
    expect(await readLheoFile(new FormData())).toEqual({ message: "Choisissez un fichier LHÉO (extension .xml)." });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("is for providers only, and writes nothing for anyone else", async () => {
    const people = await createProviderAndStaff();
    const before = await databaseFingerprint();
    signInAs(people.staff);
    const formation = { position: 1, numero: "F-1", content: actionContent(), notes: [] };
    expect(await importLheoBatch({ fileName: "offre.xml", formations: [formation] })).toEqual({ message: NO_RIGHTS });
    expect(await readLheoFile(fileForm("<lheo/>"))).toEqual({ message: NO_RIGHTS });
    signInAs(null);
    expect(await importLheoBatch({ fileName: "offre.xml", formations: [formation] })).toMatchObject({ message: expect.stringMatching(/session a expiré/) });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a batch larger than the page sends, and content that is not a draft", async () => {
    const people = await createProviderAndStaff();
    signInAs(people.provider);
    const before = await databaseFingerprint();
    const many = Array.from({ length: IMPORT_BATCH + 1 }, (_, i) => ({ position: i + 1, numero: "", content: actionContent(), notes: [] }));
    expect(await importLheoBatch({ fileName: "offre.xml", formations: many })).toMatchObject({ message: expect.any(String), errors: expect.any(Object) });
    const result = await importLheoBatch({ fileName: "offre.xml", formations: [{ position: 1, numero: "", content: { title: "" }, notes: [] }] });
    expect(result).toMatchObject({ reports: [{ status: "refused", message: "Le contenu de cette formation n’a pas pu être relu." }] });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
