"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/app/(auth)/auth";
import { changeOwnPassword } from "@/db/queries/accounts";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction, type ActionState } from "@/lib/auth/safe-action";
import { homeFor } from "@/lib/auth/session";
import { strongPasswordChangeSchema } from "@/lib/validations/password";

/**
 * « Enregistrer mon mot de passe »: the one action temporary codes allow (R10). The change ends
 * every session opened before it; this one starts again at once with the new password, and the
 * person goes to their home.
 */
export const changePassword = authorizedAction(
  SERVER_ACTIONS.changePassword,
  strongPasswordChangeSchema,
  async ({ currentPassword, password }, user): Promise<ActionState> => {
    const { identifier, role } = await changeOwnPassword({ userId: user.id, currentPassword, newPassword: password });
    try {
      await signIn("credentials", { identifier, password, redirect: false });
    } catch (error) {
      if (error instanceof AuthError) redirect("/connexion");
      throw error;
    }
    redirect(homeFor({ role }));
  },
);
