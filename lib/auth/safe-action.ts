import "server-only";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { SessionPermission } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validations/errors";

export { fieldErrors };

/** What a server action answers to its form: a message and errors keyed by field path. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
}

export const PASSWORD_CHANGE_FIRST =
  "Choisissez d’abord votre mot de passe\u00a0: les codes provisoires qui vous ont été remis ne permettent rien d’autre.";

/**
 * The part every server action repeats: who is calling (checked on the server, every time),
 * is the input valid (the same zod schema as the form), and French messages for expected
 * failures. The roles come from the action's declaration in lib/auth/permissions.ts; `run` does
 * the ownership check the declaration names, and the writes; a redirect thrown from it passes.
 * A person signed in with temporary codes (R10) is refused everything but the one action that
 * declares `duringPasswordChange`: choosing their password.
 */
export function authorizedAction<S extends z.ZodType, R extends ActionState | void>(
  { roles, duringPasswordChange = false }: SessionPermission,
  schema: S,
  run: (data: z.output<S>, user: SessionUser) => Promise<R>,
) {
  return async (input: z.input<S>): Promise<ActionState | R> => {
    const user = await getSessionUser();
    if (!user) return { message: "Votre session a expiré. Reconnectez-vous puis recommencez." };
    if (user.mustChangePassword && !duringPasswordChange) return { message: PASSWORD_CHANGE_FIRST };
    if (!roles.includes(user.role)) return { message: "Vous n’avez pas les droits nécessaires pour cette opération." };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { errors: fieldErrors(parsed.error), message: "Certains champs sont à corriger : voyez les messages sous chacun d’eux." };
    }
    try {
      return await run(parsed.data, user);
    } catch (error) {
      if (error instanceof UserFacingError) return error.errors ? { message: error.message, errors: error.errors } : { message: error.message };
      throw error;
    }
  };
}
