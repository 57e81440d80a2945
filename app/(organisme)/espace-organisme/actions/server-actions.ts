"use server";

import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { saveActionContent, withdrawSubmission } from "@/db/queries/actions";
import { authorizedAction, fieldErrors } from "@/lib/auth/safe-action";
import { UserFacingError } from "@/lib/errors";
import { parisDate } from "@/lib/dates";
import { actionContentSchema, actionDraftSchema, withdrawnSessionErrors } from "@/lib/validations/action";

const NOT_FOUND = "Cette action de formation est introuvable.";

function organisationOf(user: { organisationId: string | null }): string {
  // A provider account always belongs to an organisation; refuse rather than guess.
  if (!user.organisationId) throw new UserFacingError(NOT_FOUND, "not-found");
  return user.organisationId;
}

const saveInput = z.object({
  actionId: z.uuid(NOT_FOUND).optional(),
  intent: z.enum(["draft", "submit"]),
  values: z.unknown(),
});

/** « Enregistrer le brouillon » and « Envoyer pour validation » (R7). */
export const saveAction = authorizedAction(["provider"], saveInput, async ({ actionId, intent, values }, user) => {
  const submit = intent === "submit";
  const parsed = (submit ? actionContentSchema : actionDraftSchema).safeParse(values);
  if (!parsed.success) {
    return {
      errors: fieldErrors(parsed.error),
      message: submit
        ? "L’action ne peut pas encore être envoyée : corrigez les champs signalés."
        : "Le brouillon ne peut pas être enregistré : corrigez les champs signalés.",
    };
  }
  const late = submit ? withdrawnSessionErrors(parsed.data, parisDate()) : {};
  if (Object.keys(late).length > 0) {
    return { errors: late, message: "L’action ne peut pas encore être envoyée : corrigez les champs signalés." };
  }
  const id = await saveActionContent({
    actionId,
    organisationId: organisationOf(user),
    actor: user,
    content: parsed.data,
    submit,
  });
  redirect(`/espace-organisme/actions/${id}?statut=${submit ? "envoyee" : "brouillon"}`);
});

/** Pulls a submission back to draft before staff review it. */
export const withdrawAction = authorizedAction(["provider"], z.object({ actionId: z.uuid(NOT_FOUND) }), async ({ actionId }, user) => {
  await withdrawSubmission({ actionId, organisationId: organisationOf(user), actor: user });
  redirect(`/espace-organisme/actions/${actionId}?statut=retiree`);
});
