"use server";

import { z } from "@/lib/validations/zod";
import { importDrafts, organisationSiret, type ImportReport } from "@/db/queries/lheo-import";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { safeString, wholeNumber } from "@/lib/validations/fields";
import { UserFacingError } from "@/lib/errors";
import { importFormation, type ImportedFormation } from "@/lib/lheo/import-content";
import { FILE_ERRORS, IMPORT_BATCH, IMPORT_MAX_BYTES } from "@/lib/lheo/import-limits";
import { LheoFileError, readLheo, type LheoVersion } from "@/lib/lheo/read";

// « Importer un fichier LHÉO », in two steps so that the page can show the progress of a large
// file: the file is read (nothing is written), then its formations are saved as drafts in
// batches, each formation in its own transaction.

function organisationOf(user: { organisationId: string | null }): string {
  if (!user.organisationId) throw new UserFacingError("Votre compte n’est rattaché à aucun organisme.", "not-found");
  return user.organisationId;
}

export interface ReadResult {
  ok: true;
  fileName: string;
  version: LheoVersion;
  formations: ImportedFormation[];
}

/** Step 1: reads the file and says, formation by formation, what can be imported. */
export const readLheoFile = authorizedAction(SERVER_ACTIONS.readLheoFile, z.instanceof(FormData), async (form, user): Promise<ReadResult | { message: string }> => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { message: "Choisissez un fichier LHÉO (extension .xml)." };
  if (file.size > IMPORT_MAX_BYTES) return { message: FILE_ERRORS.tooLarge };
  const siret = await organisationSiret(organisationOf(user));
  const formations: ImportedFormation[] = [];
  let version: LheoVersion;
  try {
    ({ version } = readLheo(await file.text(), (node, index) => {
      const formation = importFormation(node, index + 1);
      if (!formation.refusal && formation.siret !== siret) {
        formation.refusal = `Cette formation est celle d’un autre organisme (SIRET ${formation.siret})\u00a0: vous ne pouvez importer que celles de votre organisme (SIRET ${siret}).`;
        formation.content = null;
      }
      formations.push(formation);
    }));
  } catch (error) {
    if (error instanceof LheoFileError) return { message: error.message };
    throw error;
  }
  return { ok: true, fileName: file.name, version, formations };
});

const batchInput = z.object({
  fileName: safeString({ singleLine: true }).max(255),
  formations: z
    .array(
      z.object({
        position: wholeNumber({ min: 1, error: "Rechargez la page puis importez le fichier de nouveau." }),
        numero: safeString({ singleLine: true }).max(500),
        content: z.unknown(),
        notes: z.array(safeString().max(2000)).max(200),
      }),
    )
    .min(1)
    .max(IMPORT_BATCH),
});

/** Step 2: saves a batch of read formations as drafts of the provider's organisation. */
export const importLheoBatch = authorizedAction(SERVER_ACTIONS.importLheoBatch, batchInput, async ({ fileName, formations }, user): Promise<{ ok: true; reports: ImportReport[] }> => {
  const reports = await importDrafts({ organisationId: organisationOf(user), actor: user, fileName, formations });
  return { ok: true, reports };
});
