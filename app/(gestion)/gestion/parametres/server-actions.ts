"use server";

import { saveSetting } from "@/db/queries/settings";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction, type ActionState } from "@/lib/auth/safe-action";
import { z } from "@/lib/validations/zod";
import { accessContactSchema, rejectionReasonsSchema } from "@/lib/validations/settings";

/** « Enregistrer le contact » (administrators): whom the login page tells providers to call (R10). */
export const saveAccessContact = authorizedAction(SERVER_ACTIONS.saveAccessContact, accessContactSchema, async (value, user): Promise<ActionState> => {
  await saveSetting({ name: "accessContact", value, actor: user });
  return { ok: true, message: "Le contact est enregistré\u00a0: la page de connexion l’affiche dès maintenant." };
});

/** « Enregistrer les motifs » (administrators): the stock reasons offered when refusing. */
export const saveRejectionReasons = authorizedAction(SERVER_ACTIONS.saveRejectionReasons, z.object({ reasons: rejectionReasonsSchema }), async ({ reasons }, user): Promise<ActionState> => {
  await saveSetting({ name: "rejectionReasons", value: reasons, actor: user });
  return { ok: true, message: "Les motifs types sont enregistrés." };
});
