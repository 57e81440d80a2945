"use server";

import { redirect } from "next/navigation";
import { requeueMail } from "@/db/queries/mail";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { UserFacingError } from "@/lib/errors";
import { wholeNumber } from "@/lib/validations/fields";
import { z } from "@/lib/validations/zod";

/** « Renvoyer »: a mail that failed goes back to the queue (admins only). */
export const resendMail = authorizedAction(SERVER_ACTIONS.resendMail, z.object({ mailId: wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER, error: "Ce courriel est introuvable." }) }), async ({ mailId }) => {
  if (!(await requeueMail({ id: mailId }))) throw new UserFacingError("Ce courriel n’est pas en échec : il n’y a rien à renvoyer.", "conflict");
  redirect("/gestion/courriels?renvoye=1");
});
