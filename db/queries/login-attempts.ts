import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { blockedUntil, claimAttempt, clearThrottle, releaseAttempt } from "@/db/queries/throttle";
import { users } from "@/db/schema";
import { LOGIN_LOCK_AFTER, LOGIN_LOCK_MS, LOGIN_WINDOW_MS, loginDelayMs, loginThrottleKeys } from "@/lib/auth/login-throttle";

// Login throttling on the database (rule: lib/auth/login-throttle.ts). Each attempt is counted
// before the password is checked, as a failure until it succeeds: a held-back identifier costs
// nothing and tells nothing, and attempts sent at once cannot all pass before the first failure
// is counted.

interface Attempt {
  identifier: string;
  address: string;
  now?: Date;
}

/** An attempt let through (waitMs 0), with its counts in the window and the address's block it set; or how long it must wait. */
export interface LoginClaim {
  waitMs: number;
  counts: { identifier: number; address: number };
  addressBlock: Date | null;
}

/** How long this attempt must wait before the password is even checked (0: go ahead); counts nothing. */
export async function loginWaitMs({ identifier, address, now = new Date() }: Attempt): Promise<number> {
  const keys = loginThrottleKeys(identifier, address);
  const until = await blockedUntil(await getDb(), { keys: [keys.identifier, keys.address], now });
  return until ? until.getTime() - now.getTime() : 0;
}

/**
 * Counts this attempt for the identifier and for the address, and holds it back as a failure would
 * (db/queries/throttle.ts claimAttempt) — or says how long it must wait, counting nothing.
 */
export async function claimLoginAttempt({ identifier, address, now = new Date() }: Attempt): Promise<LoginClaim> {
  const keys = loginThrottleKeys(identifier, address);
  const claim = await claimAttempt(await getDb(), { keys: [keys.identifier, keys.address], windowMs: LOGIN_WINDOW_MS, delayMs: loginDelayMs, now });
  if (claim.blockedUntil) return { waitMs: claim.blockedUntil.getTime() - now.getTime(), counts: { identifier: 0, address: 0 }, addressBlock: null };
  return {
    waitMs: 0,
    counts: { identifier: claim.counts.get(keys.identifier)!, address: claim.counts.get(keys.address)! },
    addressBlock: claim.blocks.get(keys.address) ?? null,
  };
}

/**
 * A wrong identifier or password, already counted by its claim. The failure that locks the
 * identifier or the address is written to the audit log (the staff journal shows the burst), with
 * the account when the identifier is one.
 */
export async function recordLoginFailure({ identifier, address, now = new Date() }: Attempt, claim: LoginClaim) {
  const db = await getDb();
  const name = identifier.trim().toLowerCase();
  const details = { identifier: name, address, failures: LOGIN_LOCK_AFTER, windowMinutes: LOGIN_WINDOW_MS / 60_000, lockedMinutes: LOGIN_LOCK_MS / 60_000 };
  if (claim.counts.identifier === LOGIN_LOCK_AFTER) {
    const [account] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.identifier})`, name)).limit(1);
    await writeAudit(db, {
      actor: null,
      event: "auth.login-locked",
      entityType: account ? "user" : "login",
      entityId: account?.id ?? name,
      details: { scope: "identifier", ...details },
      at: now,
    });
  }
  if (claim.counts.address === LOGIN_LOCK_AFTER) {
    await writeAudit(db, { actor: null, event: "auth.login-locked", entityType: "login", entityId: address, details: { scope: "address", ...details }, at: now });
  }
}

/**
 * A successful login clears the identifier's failures, and gives the address back the hit and the
 * block its claim took (not its failures: one good account must not wash a spray).
 */
export async function recordLoginSuccess({ identifier, address }: Attempt, claim: LoginClaim) {
  const keys = loginThrottleKeys(identifier, address);
  const db = await getDb();
  await clearThrottle(db, { key: keys.identifier });
  await releaseAttempt(db, { key: keys.address, claimedBlock: claim.addressBlock });
}
