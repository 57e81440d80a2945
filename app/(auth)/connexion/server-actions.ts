"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/app/(auth)/auth";
import { loginThrottledMessage } from "@/lib/auth/login-throttle";
import { loginSchema } from "@/lib/validations/auth";
import { fieldErrors, type ActionState } from "@/lib/auth/safe-action";

/**
 * Only a path of this site: a login link must not send people elsewhere. The proxy gives an
 * absolute URL; its host is dropped, so the redirect always stays on this site.
 */
function safeCallback(value: FormDataEntryValue | null): string {
  let path = typeof value === "string" ? value : "";
  if (!path) return "/mon-espace";
  try {
    const url = new URL(path, "http://localhost");
    path = url.pathname + url.search;
  } catch {
    path = "";
  }
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/connexion") ? path : "/mon-espace";
}

/** The identifier comes back so that the form keeps it after a failed attempt. */
export type LoginState = ActionState & { identifier?: string };

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const raw = formData.get("identifier");
  const identifier = typeof raw === "string" ? raw.slice(0, 64) : "";
  const parsed = loginSchema.safeParse({ identifier, password: formData.get("password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), identifier };
  try {
    // No redirect from Auth.js: it would build an absolute URL from the request's host headers.
    // The path is ours, relative, so the browser stays on the site it posted to (finding 8).
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    const throttled = error instanceof CredentialsSignin && /^throttled-(\d+)$/.exec(error.code ?? "");
    if (throttled) return { message: loginThrottledMessage(Number(throttled[1]) * 1000), identifier };
    // The same message whether the identifier exists or not.
    if (error instanceof AuthError) return { message: "Identifiant ou mot de passe incorrect.", identifier };
    throw error;
  }
  redirect(safeCallback(formData.get("callbackUrl")));
}
