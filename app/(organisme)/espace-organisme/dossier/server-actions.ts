"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { confirmDossierUnchanged, saveDossier, withdrawDossier } from "@/db/queries/dossiers";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { CATALOGUE_TAG } from "@/lib/cache-tags";
import { currentDay } from "@/lib/clock";
import { UserFacingError } from "@/lib/errors";
import { wholeNumber } from "@/lib/validations/fields";
import { validateDossierDraft, validateDossierSubmission } from "@/lib/validations/organisation";

const DOSSIER_PAGE = "/espace-organisme/dossier";

function organisationOf(user: { organisationId: string | null }): string {
  // The dossier is always the session user's organisation's: no input names it.
  if (!user.organisationId) throw new UserFacingError("Votre compte n’est rattaché à aucun organisme\u00a0: contactez l’équipe du centre.", "not-found");
  return user.organisationId;
}

/** The dossier version the page was loaded with: a save from a stale tab is refused (STALE_DOSSIER). */
const expectedVersion = wholeNumber({ error: "La page n’est plus à jour\u00a0: rechargez-la puis recommencez." });

const saveInput = z.object({ expectedVersion, values: z.unknown() });

/** « Enregistrer le brouillon » (R7): the dossier stays with the provider, staff do not see it. */
export const saveDossierDraft = authorizedAction(SERVER_ACTIONS.saveDossierDraft, saveInput, async ({ expectedVersion, values }, user) => {
  const checked = validateDossierDraft(values);
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  await saveDossier({ organisationId: organisationOf(user), actor: user, content: checked.data, submit: false, expectedVersion });
  redirect(`${DOSSIER_PAGE}?statut=brouillon`);
});

/** « Envoyer pour validation »: the complete dossier goes to the centre's staff (R8). */
export const submitDossier = authorizedAction(SERVER_ACTIONS.submitDossier, saveInput, async ({ expectedVersion, values }, user) => {
  const checked = validateDossierSubmission(values, currentDay());
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  await saveDossier({ organisationId: organisationOf(user), actor: user, content: checked.data, submit: true, expectedVersion });
  redirect(`${DOSSIER_PAGE}?statut=envoye`);
});

/**
 * « Retirer de la validation »: back to draft before staff decide. A renewal sent before the
 * expiry may be what keeps the actions online past the 12 months, so the catalogue is refreshed.
 */
export const withdrawDossierFromValidation = authorizedAction(SERVER_ACTIONS.withdrawDossierFromValidation, z.object({}), async (_input, user) => {
  await withdrawDossier({ organisationId: organisationOf(user), actor: user });
  updateTag(CATALOGUE_TAG);
  redirect(`${DOSSIER_PAGE}?statut=retire`);
});

/** « Je confirme que ces informations sont à jour »: the approved dossier sent again, unchanged. */
export const confirmDossierUpToDate = authorizedAction(
  SERVER_ACTIONS.confirmDossierUpToDate,
  z.object({
    expectedVersion,
    confirmed: z
      .boolean({ error: "Cochez la case pour confirmer que ces informations sont à jour." })
      .refine((checked) => checked, "Cochez la case pour confirmer que ces informations sont à jour."),
  }),
  async ({ expectedVersion }, user) => {
    await confirmDossierUnchanged({ organisationId: organisationOf(user), actor: user, expectedVersion });
    redirect(`${DOSSIER_PAGE}?statut=confirme`);
  },
);
