"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { duplicateAction, quickUpdateSessions, setActionArchived } from "@/db/queries/action-upkeep";
import { saveActionContent, withdrawSubmission } from "@/db/queries/action-writes";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { CATALOGUE_TAG, actionTag } from "@/lib/cache-tags";
import { UserFacingError } from "@/lib/errors";
import { currentDay } from "@/lib/clock";
import { RECRUITMENT_CODES } from "@/lib/lheo/codes";
import { validateDraft, validateSubmission } from "@/lib/validations/action";
import { integerField, wholeNumber } from "@/lib/validations/fields";

const NOT_FOUND = "Cette action de formation est introuvable.";
const STALE_PAGE = "La page n’est plus à jour\u00a0: rechargez-la puis recommencez.";

function organisationOf(user: { organisationId: string | null }): string {
  // A provider account always belongs to an organisation; refuse rather than guess.
  if (!user.organisationId) throw new UserFacingError(NOT_FOUND, "not-found");
  return user.organisationId;
}

const actionInput = z.object({ actionId: z.uuid(NOT_FOUND) });

const saveInput = z.object({
  actionId: z.uuid(NOT_FOUND).optional(),
  // The version of the action the form was loaded with (required for an existing action).
  expectedVersion: wholeNumber({ error: STALE_PAGE }).optional(),
  values: z.unknown(),
});

/** « Enregistrer le brouillon » (R7): only a title is needed, the action stays with the provider. */
export const saveDraft = authorizedAction(SERVER_ACTIONS.saveDraft, saveInput, async ({ actionId, expectedVersion, values }, user) => {
  const checked = validateDraft(values);
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  const id = await saveActionContent({ actionId, expectedVersion, organisationId: organisationOf(user), actor: user, content: checked.data, submit: false });
  redirect(`/espace-organisme/actions/${id}?statut=brouillon`);
});

/** « Envoyer pour validation » (R7): the complete content goes to the centre's staff. */
export const submitForValidation = authorizedAction(SERVER_ACTIONS.submitForValidation, saveInput, async ({ actionId, expectedVersion, values }, user) => {
  const checked = validateSubmission(values, currentDay());
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  const id = await saveActionContent({ actionId, expectedVersion, organisationId: organisationOf(user), actor: user, content: checked.data, submit: true });
  redirect(`/espace-organisme/actions/${id}?statut=envoyee`);
});

/** « Retirer de la validation »: pulls a submission back to draft before staff review it. */
export const withdrawFromValidation = authorizedAction(
  SERVER_ACTIONS.withdrawFromValidation,
  actionInput,
  async ({ actionId }, user) => {
    await withdrawSubmission({ actionId, organisationId: organisationOf(user), actor: user });
    redirect(`/espace-organisme/actions/${actionId}?statut=retiree`);
  },
);

/**
 * « Envoyer la mise à jour » (R6): new places and recruitment state for the published sessions,
 * sent for validation in one step; the published version stays online until staff approve it.
 */
export const sendQuickUpdate = authorizedAction(
  SERVER_ACTIONS.sendQuickUpdate,
  z.object({
    actionId: z.uuid(NOT_FOUND),
    expectedVersion: wholeNumber({ error: STALE_PAGE }),
    sessions: z
      .array(
        z.object({
          id: z.uuid("Cette session est introuvable : rechargez la page."),
          placesAvailable: integerField("submit", {
            max: 999,
            messages: { missing: "Indiquez un nombre de places.", notWhole: "Indiquez un nombre entier de places.", negative: "Le nombre de places ne peut pas être négatif." },
          }),
          recruitment: z.enum(RECRUITMENT_CODES, { error: "Choisissez l’état du recrutement dans la liste." }),
        }),
      )
      .min(1, "Aucune session à mettre à jour.")
      .max(60),
  }),
  async ({ actionId, expectedVersion, sessions }, user) => {
    await quickUpdateSessions({
      actionId,
      expectedVersion,
      organisationId: organisationOf(user),
      actor: user,
      updates: sessions.map((s) => ({ ...s, placesAvailable: s.placesAvailable! })),
    });
    redirect(`/espace-organisme?mise-a-jour=${actionId}`);
  },
);

/** « Dupliquer »: next year's run, as a new draft with the sessions one year later. */
export const duplicate = authorizedAction(SERVER_ACTIONS.duplicate, actionInput, async ({ actionId }, user) => {
  const copy = await duplicateAction({ actionId, organisationId: organisationOf(user), actor: user });
  redirect(`/espace-organisme/actions/${copy}?statut=dupliquee`);
});

/** « Archiver »: the action leaves the site at once; nothing is deleted. */
export const archive = authorizedAction(SERVER_ACTIONS.archive, actionInput, async ({ actionId }, user) => {
  await setActionArchived({ actionId, organisationId: organisationOf(user), actor: user, archived: true });
  updateTag(CATALOGUE_TAG);
  updateTag(actionTag(actionId));
  redirect(`/espace-organisme/actions/${actionId}?statut=archivee`);
});

/** « Restaurer »: an archived action comes back (online again if its published version still is diffusable). */
export const restore = authorizedAction(SERVER_ACTIONS.restore, actionInput, async ({ actionId }, user) => {
  await setActionArchived({ actionId, organisationId: organisationOf(user), actor: user, archived: false });
  updateTag(CATALOGUE_TAG);
  updateTag(actionTag(actionId));
  redirect(`/espace-organisme/actions/${actionId}?statut=restauree`);
});
