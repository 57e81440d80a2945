"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { approveDossier, rejectDossier } from "@/db/queries/dossiers";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { CATALOGUE_TAG } from "@/lib/cache-tags";
import { rejectionSchema } from "@/lib/validations/action";
import { submissionSeenSchema as submittedAt } from "@/lib/validations/review";

const dossierId = z.uuid("Ce dossier est introuvable.");

/**
 * « Valider le dossier »: the organisation takes its content and its 12 months start again (R8);
 * its actions may come back online, so the public pages are refreshed at once.
 */
export const approveDossierSubmission = authorizedAction(SERVER_ACTIONS.approveDossierSubmission, z.object({ dossierId, submittedAt }), async ({ dossierId, submittedAt }, user) => {
  await approveDossier({ dossierId, submittedAt, actor: user });
  updateTag(CATALOGUE_TAG);
  redirect(`/gestion/validation?dossier-valide=${dossierId}`);
});

/**
 * « Refuser »: sends the dossier back with the reason. A renewal sent before the expiry kept the
 * actions online past the 12 months; refused, it no longer does, so the catalogue is refreshed.
 */
export const rejectDossierSubmission = authorizedAction(SERVER_ACTIONS.rejectDossierSubmission, rejectionSchema.extend({ dossierId, submittedAt }), async ({ dossierId, submittedAt, reason }, user) => {
  await rejectDossier({ dossierId, submittedAt, actor: user, reason });
  updateTag(CATALOGUE_TAG);
  redirect(`/gestion/validation?dossier-refuse=${dossierId}`);
});
