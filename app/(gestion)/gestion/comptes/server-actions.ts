"use server";

import { changeUserRole, createStaffAccount, resetCodes, setUserDisabled } from "@/db/queries/accounts";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction, type ActionState } from "@/lib/auth/safe-action";
import { newStaffAccountSchema, userDisabledSchema, userRefSchema, userRoleSchema } from "@/lib/validations/accounts";

/** Codes to read out once: the page shows them, nothing keeps them. */
export type CodesState = ActionState & { codes?: { identifier: string; password: string; displayName: string } };

/**
 * « Réinitialiser les codes » (R10): staff for the providers' accounts, administrators for the
 * team's too (db/queries/accounts.ts says who may touch which account).
 */
export const resetAccountCodes = authorizedAction(SERVER_ACTIONS.resetAccountCodes, userRefSchema, async ({ userId }, user): Promise<CodesState> => {
  const { identifier, password, displayName } = await resetCodes({ userId, actor: user });
  return { ok: true, codes: { identifier, password, displayName } };
});

/** « Désactiver » / « Réactiver »: the person is signed out at their next click. */
export const setAccountDisabled = authorizedAction(SERVER_ACTIONS.setAccountDisabled, userDisabledSchema, async ({ userId, disabled }, user): Promise<ActionState> => {
  await setUserDisabled({ userId, disabled, actor: user });
  return { ok: true, message: disabled ? "Le compte est désactivé." : "Le compte est réactivé." };
});

/** « Changer le rôle » (administrators): chargé d’information or administrateur. */
export const changeAccountRole = authorizedAction(SERVER_ACTIONS.changeAccountRole, userRoleSchema, async ({ userId, role }, user): Promise<ActionState> => {
  await changeUserRole({ userId, role, actor: user });
  return { ok: true, message: "Le rôle est modifié." };
});

/** « Créer le compte » (administrators): a team member, with temporary codes. */
export const createTeamAccount = authorizedAction(SERVER_ACTIONS.createTeamAccount, newStaffAccountSchema, async (values, user): Promise<CodesState> => {
  const { identifier, password, displayName } = await createStaffAccount({ values, actor: user });
  return { ok: true, codes: { identifier, password, displayName } };
});
