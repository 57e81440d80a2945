"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { approveRevision, rejectRevision } from "@/db/queries/review";
import { authorizedAction } from "@/lib/auth/safe-action";
import { STAFF_ROLES } from "@/lib/auth/session";
import { CATALOGUE_TAG, actionTag } from "@/lib/cache-tags";
import { codificationSchema, rejectionSchema } from "@/lib/validations/action";

const revisionId = z.uuid("Cette version est introuvable.");

/** « Valider »: codify and publish; the public pages concerned are refreshed at once. */
export const approveSubmission = authorizedAction(
  STAFF_ROLES,
  codificationSchema.extend({ revisionId }),
  async ({ revisionId, formacodes }, user) => {
    const { actionId } = await approveRevision({ revisionId, actor: user, codification: { formacodes } });
    updateTag(CATALOGUE_TAG);
    updateTag(actionTag(actionId));
    redirect(`/gestion/validation?publiee=${revisionId}`);
  },
);

/** « Refuser »: sends the revision back to the provider with the reason. */
export const rejectSubmission = authorizedAction(
  STAFF_ROLES,
  rejectionSchema.extend({ revisionId }),
  async ({ revisionId, reason }, user) => {
    await rejectRevision({ revisionId, actor: user, reason });
    redirect(`/gestion/validation?refusee=${revisionId}`);
  },
);
