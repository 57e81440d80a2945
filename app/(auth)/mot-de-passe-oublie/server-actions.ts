"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/app/(auth)/auth";
import { requestPasswordReset, resetPassword } from "@/db/queries/password-resets";
import type { ActionState } from "@/lib/auth/safe-action";
import { homeFor } from "@/lib/auth/session";
import { clientAddress } from "@/lib/request-origin";
import { UserFacingError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validations/errors";
import { safeString } from "@/lib/validations/fields";
import { strongPasswordChangeSchema } from "@/lib/validations/password";
import { z } from "@/lib/validations/zod";

export type ResetRequestState = ActionState & { sent?: boolean };

const requestSchema = z.object({
  login: safeString({ error: "Indiquez votre identifiant ou votre adresse électronique.", singleLine: true })
    .trim()
    .min(1, "Indiquez votre identifiant ou votre adresse électronique.")
    .max(160, "Cet identifiant est trop long."),
});

/**
 * « Recevoir un lien »: always the same answer, whether the account exists or not, has an e-mail
 * address or not, or asked too often (the limits apply silently).
 */
export async function requestReset(_previous: ResetRequestState, formData: FormData): Promise<ResetRequestState> {
  const parsed = requestSchema.safeParse({ login: formData.get("login") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  await requestPasswordReset({ login: parsed.data.login, clientKey: clientAddress(await headers()) });
  return { sent: true };
}

const resetSchema = strongPasswordChangeSchema.safeExtend({ token: safeString({ error: "Ce lien n’est pas valable." }).regex(/^[A-Za-z0-9_-]{20,100}$/, "Ce lien n’est pas valable.") });

/** « Enregistrer mon mot de passe » from the link: sets it, then signs the person in. */
export async function completeReset(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetSchema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirmation: formData.get("confirmation"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: "Certains champs sont à corriger." };
  let account: { identifier: string; role: "provider" | "staff" | "admin" };
  try {
    account = await resetPassword({ token: parsed.data.token, password: parsed.data.password });
  } catch (error) {
    if (error instanceof UserFacingError) return { message: error.message, errors: error.errors };
    throw error;
  }
  try {
    await signIn("credentials", { identifier: account.identifier, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect("/connexion");
    throw error;
  }
  redirect(homeFor({ role: account.role }));
}
