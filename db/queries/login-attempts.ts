import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { blockedUntil, clearThrottle, recordFailure } from "@/db/queries/throttle";
import { users } from "@/db/schema";
import { LOGIN_LOCK_AFTER, LOGIN_LOCK_MS, LOGIN_WINDOW_MS, loginDelayMs, loginThrottleKeys } from "@/lib/auth/login-throttle";

// Login throttling on the database (rule: lib/auth/login-throttle.ts). Checked before the password
// is, so that a held-back identifier costs nothing and tells nothing.

interface Attempt {
  identifier: string;
  address: string;
  now?: Date;
}

/** How long this attempt must wait before the password is even checked (0: go ahead). */
export async function loginWaitMs({ identifier, address, now = new Date() }: Attempt): Promise<number> {
  const keys = loginThrottleKeys(identifier, address);
  const until = await blockedUntil(await getDb(), { keys: [keys.identifier, keys.address], now });
  return until ? until.getTime() - now.getTime() : 0;
}

/**
 * A wrong identifier or password: one more failure for the identifier and for the address. The
 * failure that locks either is written to the audit log (the staff journal shows the burst), with
 * the account when the identifier is one.
 */
export async function recordLoginFailure({ identifier, address, now = new Date() }: Attempt) {
  const keys = loginThrottleKeys(identifier, address);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const policy = { windowMs: LOGIN_WINDOW_MS, lockAfter: LOGIN_LOCK_AFTER, delayMs: loginDelayMs, now };
    const byIdentifier = await recordFailure(tx, { key: keys.identifier, ...policy });
    const byAddress = await recordFailure(tx, { key: keys.address, ...policy });
    const name = identifier.trim().toLowerCase();
    const details = { identifier: name, address, failures: LOGIN_LOCK_AFTER, windowMinutes: LOGIN_WINDOW_MS / 60_000, lockedMinutes: LOGIN_LOCK_MS / 60_000 };
    if (byIdentifier.locked) {
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.identifier})`, name)).limit(1);
      await writeAudit(tx, {
        actor: null,
        event: "auth.login-locked",
        entityType: account ? "user" : "login",
        entityId: account?.id ?? name,
        details: { scope: "identifier", ...details },
        at: now,
      });
    }
    if (byAddress.locked) {
      await writeAudit(tx, { actor: null, event: "auth.login-locked", entityType: "login", entityId: address, details: { scope: "address", ...details }, at: now });
    }
  });
}

/** A successful login clears the identifier's failures (not the address's: one good account must not wash a spray). */
export async function recordLoginSuccess({ identifier, address }: Attempt) {
  await clearThrottle(await getDb(), { key: loginThrottleKeys(identifier, address).identifier });
}
