import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { users, type User, type UserRole } from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { revokeUserSessions } from "@/db/queries/sessions";
import { claimAttempt, clearThrottle } from "@/db/queries/throttle";
import { firstFreeIdentifier, generateTemporaryPassword, IDENTIFIER_MAX_LENGTH, staffIdentifierBase } from "@/lib/auth/credentials";
import { currentPasswordThrottledMessage, LOGIN_WINDOW_MS, loginDelayMs } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UserFacingError } from "@/lib/errors";
import { PASSWORD_ERRORS, passwordIdentifierError, type StaffAccountRole } from "@/lib/validations/accounts";

// R10: accounts and their codes. Staff give temporary codes (a new account, a reset), shown once
// and stored only as an argon2id hash; the person chooses their own password at the next login.
// Every change is written to the audit log in the same transaction, never with a password.

/** Codes to give a person once, by telephone or by letter: nothing keeps the password. */
export interface IssuedCodes {
  userId: string;
  identifier: string;
  password: string;
  displayName: string;
}

export type AccountOperation = "reset" | "disable" | "enable" | "role";

const SELF_REFUSALS: Record<AccountOperation, string> = {
  reset: "Vous ne pouvez pas réinitialiser vos propres codes\u00a0: changez votre mot de passe depuis «\u00a0Changer mon mot de passe\u00a0».",
  disable: "Vous ne pouvez pas désactiver votre propre compte.",
  enable: "Vous ne pouvez pas réactiver votre propre compte.",
  role: "Vous ne pouvez pas changer votre propre rôle\u00a0: demandez-le à un autre administrateur.",
};

export const ADMIN_ONLY = "Seul un administrateur peut gérer les comptes de l’équipe du centre.";

/**
 * Who may do what to an account, or why not (in French): staff manage the providers' accounts;
 * the team's accounts (staff and administrators) are for administrators alone; nobody resets,
 * disables or demotes themselves, so an administrator always remains.
 */
export function accountRefusal(actor: Actor, target: Pick<User, "id" | "role">, operation: AccountOperation): string | null {
  if (actor.role === "provider") return "Vous n’avez pas les droits nécessaires pour cette opération.";
  if (actor.id === target.id) return SELF_REFUSALS[operation];
  if (target.role !== "provider" && actor.role !== "admin") return ADMIN_ONLY;
  if (operation === "role" && target.role === "provider") return "Le rôle d’un compte d’organisme ne se change pas.";
  return null;
}

/** `text` taken literally inside a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The identifier for `base`, with a number when taken (« btp.nancy2 »). Two creations from the
 * same base wait for each other (a lock held until the transaction ends), so both find a free one.
 */
export async function freeIdentifier(tx: Transaction, base: string): Promise<string> {
  const stem = base.toLowerCase().slice(0, IDENTIFIER_MAX_LENGTH - 4);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`identifier:${stem}`}))`);
  const rows = await tx
    .select({ identifier: sql<string>`lower(${users.identifier})` })
    .from(users)
    .where(sql`lower(${users.identifier}) like ${`${escapeLike(stem)}%`}`);
  return firstFreeIdentifier(stem, new Set(rows.map((row) => row.identifier)));
}

/** A temporary password and its hash, computed before any transaction opens (hashing takes time). */
export async function temporaryCodes() {
  const password = generateTemporaryPassword();
  return { password, passwordHash: await hashPassword(password) };
}

async function lockUser(tx: Transaction, userId: string) {
  // « no key update »: a foreign key to the row (the audit log's actor) still only needs a key-share
  // lock, which this one lets through, so that a change and an audited reset never deadlock.
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("no key update");
  if (!user) throw new UserFacingError("Ce compte est introuvable.", "not-found");
  return user;
}

/**
 * Before an administrator disables an account or changes a role: the active administrators, locked
 * in one order (before the account changed, so that two such changes never wait on each other),
 * must still include the actor. Two administrators demoting or disabling each other at the same
 * moment then queue, and the second finds it no longer may: an active administrator always remains
 * (nobody changes their own account).
 */
async function lockAdministrators(tx: Transaction, actor: Actor) {
  if (actor.role !== "admin") return;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("no key update");
  if (!admins.some((a) => a.id === actor.id)) {
    throw new UserFacingError("Votre compte n’est plus administrateur : cette modification n’est pas enregistrée.", "conflict");
  }
}

function refuseUnless(actor: Actor, target: User, operation: AccountOperation) {
  const refusal = accountRefusal(actor, target, operation);
  if (refusal) throw new UserFacingError(refusal, "conflict");
}

/** The team's accounts, administrators first, then by name. */
export async function listStaffAccounts() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      identifier: users.identifier,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(inArray(users.role, ["staff", "admin"]))
    .orderBy(sql`${users.role} = 'admin' desc`, asc(users.displayName));
}

/** « Créer le compte » (administrators): a team member with temporary codes. */
export async function createStaffAccount({
  values,
  actor,
  now = new Date(),
}: {
  values: { displayName: string; email: string; role: StaffAccountRole };
  actor: Actor;
  now?: Date;
}): Promise<IssuedCodes> {
  if (actor.role !== "admin") throw new UserFacingError(ADMIN_ONLY, "conflict");
  const { password, passwordHash } = await temporaryCodes();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const identifier = await freeIdentifier(tx, staffIdentifierBase(values.displayName));
    const [user] = await tx
      .insert(users)
      .values({ identifier, passwordHash, role: values.role, displayName: values.displayName, email: values.email, mustChangePassword: true, createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    await writeAudit(tx, { actor, event: "user.created", entityType: "user", entityId: user!.id, details: { identifier, role: values.role }, at: now });
    return { userId: user!.id, identifier, password, displayName: values.displayName };
  });
}

/**
 * « Réinitialiser les codes »: a new temporary password, to change at the next login. The
 * person's open sessions end with it.
 */
export async function resetCodes({ userId, actor, now = new Date() }: { userId: string; actor: Actor; now?: Date }): Promise<IssuedCodes> {
  const { password, passwordHash } = await temporaryCodes();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, userId);
    refuseUnless(actor, target, "reset");
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    await revokeUserSessions(tx, { userId, reason: "codes-reset", now });
    await writeAudit(tx, { actor, event: "user.codes-reset", entityType: "user", entityId: userId, details: { identifier: target.identifier }, at: now });
    return { userId, identifier: target.identifier, password, displayName: target.displayName };
  });
}

/** « Désactiver » / « Réactiver »: a disabled account is signed out at its next request and cannot log in. */
export async function setUserDisabled({ userId, disabled, actor, now = new Date() }: { userId: string; disabled: boolean; actor: Actor; now?: Date }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdministrators(tx, actor);
    const target = await lockUser(tx, userId);
    refuseUnless(actor, target, disabled ? "disable" : "enable");
    const [changed] = await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(and(eq(users.id, userId), disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!changed) throw new UserFacingError(disabled ? "Ce compte est déjà désactivé." : "Ce compte est déjà actif.", "conflict");
    if (disabled) await revokeUserSessions(tx, { userId, reason: "disabled", now });
    await writeAudit(tx, { actor, event: disabled ? "user.disabled" : "user.enabled", entityType: "user", entityId: userId, details: { identifier: target.identifier }, at: now });
  });
}

/** « Changer le rôle » (administrators): between chargé d’information and administrateur. */
export async function changeUserRole({ userId, role, actor, now = new Date() }: { userId: string; role: StaffAccountRole; actor: Actor; now?: Date }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockAdministrators(tx, actor);
    const target = await lockUser(tx, userId);
    refuseUnless(actor, target, "role");
    if (target.role === role) return;
    await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
    await writeAudit(tx, { actor, event: "user.role-changed", entityType: "user", entityId: userId, details: { identifier: target.identifier, from: target.role, to: role }, at: now });
  });
}

/** What the password page needs to know of the signed-in person. */
export async function getPasswordAccount({ userId }: { userId: string }) {
  const db = await getDb();
  const [user] = await db
    .select({ identifier: users.identifier, role: users.role, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return user ?? null;
}

/**
 * « Choisissez votre mot de passe »: after temporary codes (`mustChangePassword`), the new one
 * alone; otherwise the current one too. Never the identifier, never the password in use.
 */
export async function changeOwnPassword({
  userId,
  currentPassword,
  newPassword,
  now = new Date(),
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}): Promise<{ identifier: string; role: UserRole; forced: boolean }> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) throw new UserFacingError("Ce compte est introuvable.", "not-found");
  const forced = user.mustChangePassword;
  const invalid = (field: string, message: string) => new UserFacingError(message, "invalid", { [field]: message });
  if (!forced && !currentPassword) throw invalid("currentPassword", PASSWORD_ERRORS.currentMissing);
  if (!forced) {
    // Guessing the current password from a session left open is held back as logins are.
    const key = `password:user:${userId}`;
    const claim = await claimAttempt(db, { keys: [key], windowMs: LOGIN_WINDOW_MS, delayMs: loginDelayMs, now });
    if (claim.blockedUntil) throw invalid("currentPassword", currentPasswordThrottledMessage(claim.blockedUntil.getTime() - now.getTime()));
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalid("currentPassword", PASSWORD_ERRORS.currentWrong);
    await clearThrottle(db, { key });
  }
  const identifierError = passwordIdentifierError(newPassword, user.identifier);
  if (identifierError) throw invalid("password", identifierError);
  if (await verifyPassword(user.passwordHash, newPassword)) throw invalid("password", forced ? PASSWORD_ERRORS.sameAsTemporary : PASSWORD_ERRORS.sameAsCurrent);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    // Only over the password just checked: codes reset by staff meanwhile win.
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash), isNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!changed) throw new UserFacingError("Vos codes viennent d’être modifiés par le centre\u00a0: reconnectez-vous avec les nouveaux.", "conflict");
    // Every session ends, this one too: the action signs the person in again with the new password.
    await revokeUserSessions(tx, { userId, reason: "password-changed", now });
    await writeAudit(tx, { actor: { id: userId, role: user.role }, event: "user.password-changed", entityType: "user", entityId: userId, details: { forced }, at: now });
    return { identifier: user.identifier, role: user.role, forced };
  });
}
