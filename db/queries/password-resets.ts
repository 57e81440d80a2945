import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { passwordResets, users } from "@/db/schema";
import { writeAudit } from "@/db/queries/audit";
import { enqueueMail } from "@/db/queries/mail";
import { revokeUserSessions } from "@/db/queries/sessions";
import { hitThrottle } from "@/db/queries/throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/dates";
import { UserFacingError } from "@/lib/errors";
import { passwordReset } from "@/lib/mail/messages";
import { appUrl } from "@/lib/urls";
import { PASSWORD_ERRORS, passwordIdentifierError } from "@/lib/validations/accounts";

// R10: « Mot de passe oublié ? ». A single-use link valid one hour, sent by e-mail; only the hash
// of its token is stored. The request answers the same way whether the account exists or not.

const VALID_FOR_MS = 60 * 60 * 1000;
/** Requests allowed per hour, per identifier and per client address. */
export const RESET_REQUESTS_PER_HOUR = 3;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Sends the link to the active accounts the identifier or e-mail address names, when they have an
 * e-mail address and the limits allow it. Says nothing of what it found.
 */
export async function requestPasswordReset({ login, clientKey, now = new Date() }: { login: string; clientKey: string; now?: Date }) {
  const db = await getDb();
  const name = login.trim().toLowerCase();
  if (!name) return;
  await db.transaction(async (tx) => {
    const perLogin = await hitThrottle(tx, { key: `reset:login:${name}`, limit: RESET_REQUESTS_PER_HOUR, windowMs: VALID_FOR_MS, now });
    const perClient = await hitThrottle(tx, { key: `reset:client:${clientKey}`, limit: RESET_REQUESTS_PER_HOUR * 3, windowMs: VALID_FOR_MS, now });
    if (!perLogin.allowed || !perClient.allowed) return;
    const accounts = await tx
      .select({ id: users.id, email: users.email, name: users.displayName, role: users.role })
      .from(users)
      .where(and(isNull(users.disabledAt), or(eq(sql`lower(${users.identifier})`, name), eq(sql`lower(${users.email})`, name))));
    for (const account of accounts) {
      if (!account.email) continue;
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + VALID_FOR_MS);
      await tx.insert(passwordResets).values({ userId: account.id, tokenHash: hashToken(token), createdAt: now, expiresAt });
      await enqueueMail(tx, [
        {
          kind: "password-reset",
          to: { address: account.email, userId: account.id },
          message: passwordReset({ name: account.name, link: appUrl(`/mot-de-passe-oublie/${token}`), validUntil: formatDateTime(expiresAt) }),
        },
      ]);
      await writeAudit(tx, { actor: null, event: "user.password-reset-requested", entityType: "user", entityId: account.id, at: now });
    }
  });
}

/** The account a reset link opens, while it is valid: for the page that asks for the new password. */
export async function findValidReset({ token, now = new Date() }: { token: string; now?: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({ resetId: passwordResets.id, userId: users.id, identifier: users.identifier, name: users.displayName })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), isNull(users.disabledAt)));
  return row ?? null;
}

export const RESET_LINK_INVALID = "Ce lien n’est plus valable : il a déjà servi, ou il date de plus d’une heure. Demandez-en un nouveau.";

/**
 * Sets the new password from a valid link, once: the link is used up, the temporary-codes flag
 * cleared, and every open session of the account ends. Returns the identifier, to
 * sign the person in.
 */
export async function resetPassword({ token, password, now = new Date() }: { token: string; password: string; now?: Date }) {
  const reset = await findValidReset({ token, now });
  if (!reset) throw new UserFacingError(RESET_LINK_INVALID, "conflict");
  const identifierError = passwordIdentifierError(password, reset.identifier);
  if (identifierError) throw new UserFacingError(identifierError, "invalid", { password: identifierError });
  const db = await getDb();
  const [current] = await db.select({ passwordHash: users.passwordHash, role: users.role }).from(users).where(eq(users.id, reset.userId));
  if (current && (await verifyPassword(current.passwordHash, password))) {
    throw new UserFacingError(PASSWORD_ERRORS.sameAsCurrent, "invalid", { password: PASSWORD_ERRORS.sameAsCurrent });
  }
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.resetId), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used) throw new UserFacingError(RESET_LINK_INVALID, "conflict");
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, reset.userId));
    await revokeUserSessions(tx, { userId: reset.userId, reason: "password-reset", now });
    await writeAudit(tx, { actor: { id: reset.userId, role: current!.role }, event: "user.password-reset", entityType: "user", entityId: reset.userId, at: now });
    return { identifier: reset.identifier, role: current!.role };
  });
}
