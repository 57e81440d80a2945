"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { approveMinorChange, approveRevision, rejectRevision } from "@/db/queries/review";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { CATALOGUE_TAG, actionTag } from "@/lib/cache-tags";
import { approvalSchema, rejectionSchema, submissionSeenSchema as submittedAt } from "@/lib/validations/review";
import { z } from "@/lib/validations/zod";

const revisionId = z.uuid("Cette version est introuvable.");

function refreshPublicPages(actionId: string) {
  updateTag(CATALOGUE_TAG);
  updateTag(actionTag(actionId));
}

/** « Valider »: codify, keep staff's corrections of the wording, publish; the public pages are refreshed at once. */
export const approveSubmission = authorizedAction(
  SERVER_ACTIONS.approveSubmission,
  approvalSchema.extend({ revisionId, submittedAt }),
  async ({ revisionId, submittedAt, wording, ...codification }, user) => {
    const { actionId } = await approveRevision({ revisionId, submittedAt, actor: user, codification, wording });
    refreshPublicPages(actionId);
    redirect(`/gestion/validation?publiee=${revisionId}`);
  },
);

/** « Valider » from the queue, for a change of places or recruitment only (the codification stays). */
export const approveMinorSubmission = authorizedAction(SERVER_ACTIONS.approveMinorSubmission, z.object({ revisionId, submittedAt }), async ({ revisionId, submittedAt }, user) => {
  const { actionId } = await approveMinorChange({ revisionId, submittedAt, actor: user });
  refreshPublicPages(actionId);
  redirect(`/gestion/validation?publiee=${revisionId}`);
});

/** « Refuser »: sends the revision back to the provider with the reason. */
export const rejectSubmission = authorizedAction(SERVER_ACTIONS.rejectSubmission, rejectionSchema.extend({ revisionId, submittedAt }), async ({ revisionId, submittedAt, reason }, user) => {
  await rejectRevision({ revisionId, submittedAt, actor: user, reason });
  redirect(`/gestion/validation?refusee=${revisionId}`);
});
