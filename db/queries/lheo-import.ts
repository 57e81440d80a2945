import "server-only";
import { eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db";
import { saveActionContent } from "@/db/queries/action-writes";
import type { Actor } from "@/db/queries/audit";
import { unknownFormacodes } from "@/db/queries/reference-checks";
import { communes, organisations, postcodes } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { validateDraft, type ActionContent } from "@/lib/validations/action";

// « Importer un fichier LHÉO »: each formation read from the file (lib/lheo/import-content.ts)
// becomes a draft of the provider's organisation through the one write path of drafts
// (saveActionContent: one transaction, with its audit entry), or is refused with its reason.
// Addresses and codes the reference lists do not know are left out and said, never guessed.

export interface ImportReport {
  position: number;
  title: string;
  status: "created" | "refused";
  actionId?: string;
  message?: string;
  notes: string[];
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b(st|ste)\b/g, (w) => (w === "st" ? "saint" : "sainte"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The sessions' communes as the reference lists know them: the INSEE code given, with its
 * postcode (or the commune's only postcode, when another — a CEDEX — was given); else the
 * commune of the postcode whose name matches the town. An address that cannot be placed keeps its
 * street and loses postcode and commune, with a note.
 */
async function placeSessions(content: ActionContent, notes: string[]): Promise<ActionContent> {
  const db = await getDb();
  const insees = [...new Set(content.sessions.map((s) => s.address.communeInsee).filter(Boolean))];
  const codes = [...new Set(content.sessions.map((s) => s.address.postcode).filter(Boolean))];
  const known =
    insees.length + codes.length > 0
      ? await db
          .select({ postcode: postcodes.postcode, inseeCode: communes.inseeCode, name: communes.name })
          .from(postcodes)
          .innerJoin(communes, eq(communes.inseeCode, postcodes.inseeCode))
          .where(or(insees.length ? inArray(communes.inseeCode, insees) : undefined, codes.length ? inArray(postcodes.postcode, codes) : undefined))
      : [];
  const sessions = content.sessions.map((session, i) => {
    const address = session.address;
    if (!address.postcode && !address.communeInsee) return session;
    const commune = known.filter((c) => c.inseeCode === address.communeInsee);
    if (commune.some((c) => c.postcode === address.postcode)) return session;
    const own = [...new Set(commune.map((c) => c.postcode))];
    if (own.length === 1) {
      notes.push(`Session ${i + 1}\u00a0: le code postal ${address.postcode || "absent"} a été remplacé par ${own[0]}, celui de ${commune[0]!.name}.`);
      return { ...session, address: { ...address, postcode: own[0]! } };
    }
    const ofPostcode = known.filter((c) => c.postcode === address.postcode);
    const named = ofPostcode.filter((c) => fold(c.name) === fold(address.communeName));
    const found = named.length === 1 ? named[0] : ofPostcode.length === 1 ? ofPostcode[0] : undefined;
    if (found) return { ...session, address: { ...address, communeInsee: found.inseeCode } };
    notes.push(`Session ${i + 1}\u00a0: la commune «\u00a0${address.communeName || address.postcode}\u00a0» n’a pas été reconnue avec le code postal ${address.postcode || "absent"}\u00a0; indiquez-la dans le brouillon.`);
    return { ...session, address: { ...address, postcode: "", communeInsee: "", communeName: "" } };
  });
  const unknownPublics = await unknownFormacodes(db, content.publicCodes, "PUB");
  if (unknownPublics.length > 0) notes.push(`Publics inconnus non repris\u00a0: ${unknownPublics.join(", ")}.`);
  return { ...content, sessions, publicCodes: content.publicCodes.filter((code) => !unknownPublics.includes(code)) };
}

/** The SIRET of the provider's organisation: formations of another SIRET are refused. */
export async function organisationSiret(organisationId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ siret: organisations.siret }).from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw new UserFacingError("Votre organisme est introuvable.", "not-found");
  return row.siret;
}

/**
 * Saves each formation as a draft of the organisation, one transaction each: a formation is
 * imported whole or not at all, and one refused formation does not stop the others.
 */
export async function importDrafts({
  organisationId,
  actor,
  fileName,
  formations,
}: {
  organisationId: string;
  actor: Actor;
  fileName: string;
  formations: { position: number; numero: string; content: unknown; notes: string[] }[];
}): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const formation of formations) {
    const notes = [...formation.notes];
    const checked = validateDraft(formation.content);
    const title = checked.success ? checked.data.title : "";
    if (!checked.success) {
      reports.push({ position: formation.position, title, status: "refused", message: "Le contenu de cette formation n’a pas pu être relu.", notes: Object.values(checked.errors) });
      continue;
    }
    try {
      const content = await placeSessions(checked.data, notes);
      const actionId = await saveActionContent({
        organisationId,
        actor,
        content,
        submit: false,
        auditDetails: { importedFrom: { file: fileName.slice(0, 200), numero: formation.numero.slice(0, 200) } },
      });
      reports.push({ position: formation.position, title, status: "created", actionId, notes });
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      reports.push({ position: formation.position, title, status: "refused", message: error.message, notes: [...notes, ...Object.values(error.errors ?? {})] });
    }
  }
  return reports;
}
