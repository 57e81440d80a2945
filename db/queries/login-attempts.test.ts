// Issue 10, finding 3: failed logins are counted per identifier and per client address on the
// database; the attempts that follow must wait longer each time, and the tenth failure in 15
// minutes locks for 15 minutes and is written to the audit log, once. Attempts sent at once are
// counted before any password is checked.

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { claimLoginAttempt, loginWaitMs, recordLoginFailure, recordLoginSuccess } from "@/db/queries/login-attempts";
import { auditLog } from "@/db/schema";
import { createProviderUser } from "@/db/test-utils/fixtures";
import { LOGIN_LOCK_MS, LOGIN_WINDOW_MS } from "@/lib/auth/login-throttle";

const SECOND = 1000;
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

/** `n` failures, each after the previous one's wait, as a patient attacker would: returns the clock. */
async function failPatiently(attempt: { identifier: string; address: string }, n: number, start: Date) {
  let now = start;
  for (let i = 0; i < n; i++) {
    now = new Date(now.getTime() + (await loginWaitMs({ ...attempt, now })) + SECOND);
    const claim = await claimLoginAttempt({ ...attempt, now });
    expect(claim.waitMs).toBe(0);
    await recordLoginFailure({ ...attempt, now }, claim);
  }
  return now;
}

async function locks(entityId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.event, "auth.login-locked"), eq(auditLog.entityId, entityId)));
}

describe("login throttling", () => {
  it("makes each attempt after the second failure wait longer, then locks at the tenth for 15 minutes", async () => {
    const attempt = { identifier: `inconnu-${randomUUID().slice(0, 8)}`, address: address() };
    const start = new Date("2027-03-01T08:00:00Z");
    let now = await failPatiently(attempt, 2, start);
    expect(await loginWaitMs({ ...attempt, now })).toBe(0);
    const waits: number[] = [];
    for (let i = 3; i <= 9; i++) {
      now = await failPatiently(attempt, 1, now);
      waits.push(await loginWaitMs({ ...attempt, now }));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60].map((s) => s * SECOND));
    now = await failPatiently(attempt, 1, now);
    expect(now.getTime() - start.getTime()).toBeLessThan(LOGIN_WINDOW_MS);
    expect(await loginWaitMs({ ...attempt, now })).toBe(LOGIN_LOCK_MS);
    // Still locked 14 minutes later; free after 15.
    expect(await loginWaitMs({ ...attempt, now: new Date(now.getTime() + 14 * 60 * SECOND) })).toBeGreaterThan(0);
    expect(await loginWaitMs({ ...attempt, now: new Date(now.getTime() + LOGIN_LOCK_MS + SECOND) })).toBe(0);
  });

  it("writes the lock to the audit log once, on the account when the identifier is one", async () => {
    const user = await createProviderUser();
    const attempt = { identifier: user.identifier.toUpperCase(), address: address() };
    await failPatiently(attempt, 10, new Date("2027-03-02T08:00:00Z"));
    const entries = await locks(user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: "user", actorId: null, details: { scope: "identifier", identifier: user.identifier, failures: 10 } });

    const unknown = { identifier: `personne-${randomUUID().slice(0, 8)}`, address: address() };
    await failPatiently(unknown, 10, new Date("2027-03-02T09:00:00Z"));
    expect(await locks(unknown.identifier)).toMatchObject([{ entityType: "login", details: { scope: "identifier" } }]);
  });

  it("counts per address across identifiers: a spray from one address is locked too", async () => {
    const from = address();
    let now = new Date("2027-03-03T08:00:00Z");
    for (let i = 0; i < 10; i++) now = await failPatiently({ identifier: `cible-${i}-${randomUUID().slice(0, 6)}`, address: from }, 1, now);
    const fresh = { identifier: `autre-${randomUUID().slice(0, 6)}`, address: from };
    expect(await loginWaitMs({ ...fresh, now })).toBe(LOGIN_LOCK_MS);
    expect(await locks(from)).toMatchObject([{ entityType: "login", details: { scope: "address", address: from } }]);
    // The same identifier from elsewhere is not held back by that address.
    expect(await loginWaitMs({ ...fresh, address: address(), now })).toBe(0);
  });

  it("a success clears the identifier's count, not the address's", async () => {
    const attempt = { identifier: `quelqu-un-${randomUUID().slice(0, 8)}`, address: address() };
    let now = await failPatiently(attempt, 4, new Date("2027-03-04T08:00:00Z"));
    now = new Date(now.getTime() + (await loginWaitMs({ ...attempt, now })) + SECOND);
    const claim = await claimLoginAttempt({ ...attempt, now });
    expect(claim).toMatchObject({ waitMs: 0, counts: { identifier: 5, address: 5 } });
    await recordLoginSuccess(attempt, claim);
    expect(await loginWaitMs({ ...attempt, address: address(), now })).toBe(0);
    // The address keeps its four failures, not the success's hit nor the block it set: free now
    // (the fourth failure's 2 s are over), and its next failure is its fifth (held back 4 s).
    expect(await loginWaitMs({ ...attempt, now })).toBe(0);
    const next = await claimLoginAttempt({ identifier: `autre-${randomUUID().slice(0, 8)}`, address: attempt.address, now });
    expect(next.counts.address).toBe(5);
    expect(await loginWaitMs({ ...attempt, address: attempt.address, identifier: `encore-${randomUUID().slice(0, 8)}`, now })).toBe(4 * SECOND);
  });

  it("nine failures then a good login from one address do not lock it (a shared office)", async () => {
    const from = address();
    let now = new Date("2027-03-07T08:00:00Z");
    for (let i = 0; i < 9; i++) now = await failPatiently({ identifier: `collegue-${i}-${randomUUID().slice(0, 6)}`, address: from }, 1, now);
    now = new Date(now.getTime() + (await loginWaitMs({ identifier: "x", address: from, now })) + SECOND);
    const good = { identifier: `la-bonne-${randomUUID().slice(0, 6)}`, address: from, now };
    const claim = await claimLoginAttempt(good);
    expect(claim.waitMs).toBe(0);
    await recordLoginSuccess(good, claim);
    expect(await loginWaitMs({ identifier: `suivante-${randomUUID().slice(0, 6)}`, address: from, now: new Date(now.getTime() + SECOND) })).toBe(0);
    expect(await locks(from)).toEqual([]);
  });

  it("a success from an address with no failures leaves nothing held back", async () => {
    const attempt = { identifier: `quelqu-un-${randomUUID().slice(0, 8)}`, address: address() };
    const now = new Date("2027-03-05T08:00:00Z");
    for (let i = 0; i < 5; i++) {
      const claim = await claimLoginAttempt({ ...attempt, now });
      expect(claim.waitMs).toBe(0);
      await recordLoginSuccess(attempt, claim);
    }
    expect(await loginWaitMs({ ...attempt, now })).toBe(0);
  });

  it("counts attempts sent at once before checking any: a burst gets the tries patient attempts would", async () => {
    const identifier = `rafale-${randomUUID().slice(0, 8)}`;
    const now = new Date("2027-03-06T08:00:00Z");
    const claims = await Promise.all(Array.from({ length: 30 }, () => claimLoginAttempt({ identifier, address: address(), now })));
    // The third is the last let through: it holds the next ones back, as a third failure would.
    expect(claims.filter((c) => c.waitMs === 0)).toHaveLength(3);
    expect(claims.filter((c) => c.waitMs > 0).every((c) => c.waitMs === SECOND)).toBe(true);
  });
});
