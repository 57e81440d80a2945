"use server";

import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { saveActionContent, withdrawSubmission } from "@/db/queries/action-writes";
import { authorizedAction } from "@/lib/auth/safe-action";
import { UserFacingError } from "@/lib/errors";
import { parisDate } from "@/lib/dates";
import { validateDraft, validateSubmission } from "@/lib/validations/action";

const NOT_FOUND = "Cette action de formation est introuvable.";

function organisationOf(user: { organisationId: string | null }): string {
  // A provider account always belongs to an organisation; refuse rather than guess.
  if (!user.organisationId) throw new UserFacingError(NOT_FOUND, "not-found");
  return user.organisationId;
}

const saveInput = z.object({
  actionId: z.uuid(NOT_FOUND).optional(),
  values: z.unknown(),
});

/** « Enregistrer le brouillon » (R7): only a title is needed, the action stays with the provider. */
export const saveDraft = authorizedAction(["provider"], saveInput, async ({ actionId, values }, user) => {
  const checked = validateDraft(values);
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  const id = await saveActionContent({ actionId, organisationId: organisationOf(user), actor: user, content: checked.data, submit: false });
  redirect(`/espace-organisme/actions/${id}?statut=brouillon`);
});

/** « Envoyer pour validation » (R7): the complete content goes to the centre's staff. */
export const submitForValidation = authorizedAction(["provider"], saveInput, async ({ actionId, values }, user) => {
  const checked = validateSubmission(values, parisDate());
  if (!checked.success) return { errors: checked.errors, message: checked.message };
  const id = await saveActionContent({ actionId, organisationId: organisationOf(user), actor: user, content: checked.data, submit: true });
  redirect(`/espace-organisme/actions/${id}?statut=envoyee`);
});

/** « Retirer de la validation »: pulls a submission back to draft before staff review it. */
export const withdrawFromValidation = authorizedAction(
  ["provider"],
  z.object({ actionId: z.uuid(NOT_FOUND) }),
  async ({ actionId }, user) => {
    await withdrawSubmission({ actionId, organisationId: organisationOf(user), actor: user });
    redirect(`/espace-organisme/actions/${actionId}?statut=retiree`);
  },
);
