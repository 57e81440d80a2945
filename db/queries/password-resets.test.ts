// R10: « Mot de passe oublié ? » on the real database — a single-use link valid one hour, sent by
// mail, stored as a hash; the same silence whether the account exists; a few requests per hour.

import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { findValidReset, RESET_LINK_INVALID, RESET_REQUESTS_PER_HOUR, requestPasswordReset, resetPassword } from "@/db/queries/password-resets";
import { revokeUserSessions } from "@/db/queries/sessions";
import { mailOutbox, passwordResets, users } from "@/db/schema";
import { createProviderUser } from "@/db/test-utils/fixtures";
import { verifyPassword } from "@/lib/auth/password";

const NEW_PASSWORD = "une phrase de passe bien longue";

async function resetMails(userId: string) {
  const db = await getDb();
  return db.select().from(mailOutbox).where(and(eq(mailOutbox.toUserId, userId), eq(mailOutbox.kind, "password-reset"))).orderBy(mailOutbox.id);
}

/** The token of the last link mailed to the user (the only place it exists in clear). */
async function lastToken(userId: string) {
  const mails = await resetMails(userId);
  return /\/mot-de-passe-oublie\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text)![1]!;
}

describe("password reset by e-mail", () => {
  it("mails a link by identifier or e-mail; only its hash is stored; it sets the password once and ends other sessions", async () => {
    const user = await createProviderUser();
    await requestPasswordReset({ login: user.identifier.toUpperCase(), clientKey: "test-a" });
    await requestPasswordReset({ login: user.email!, clientKey: "test-a" });
    expect(await resetMails(user.id)).toHaveLength(2);
    const token = await lastToken(user.id);
    const db = await getDb();
    const stored = await db.select({ tokenHash: passwordResets.tokenHash }).from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored.map((r) => r.tokenHash)).toContain(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const before = new Date();
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ identifier: user.identifier });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after!.mustChangePassword).toBe(false);
    expect(after!.passwordChangedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    await expect(resetPassword({ token, password: "une autre phrase bien longue" })).rejects.toThrow(RESET_LINK_INVALID);
  });

  it("voids the other links once one is used, and every link when the password or the codes change", async () => {
    const user = await createProviderUser();
    await requestPasswordReset({ login: user.identifier, clientKey: "test-e" });
    const first = await lastToken(user.id);
    await requestPasswordReset({ login: user.identifier, clientKey: "test-e" });
    const second = await lastToken(user.id);
    await resetPassword({ token: second, password: NEW_PASSWORD });
    expect(await findValidReset({ token: first })).toBeNull();

    await requestPasswordReset({ login: user.identifier, clientKey: "test-e" });
    const third = await lastToken(user.id);
    const db = await getDb();
    await db.transaction((tx) => revokeUserSessions(tx, { userId: user.id, reason: "codes-reset" }));
    expect(await findValidReset({ token: third })).toBeNull();
  });

  it("expires after one hour", async () => {
    const user = await createProviderUser();
    const asked = new Date("2030-01-01T10:00:00Z");
    await requestPasswordReset({ login: user.identifier, clientKey: "test-b", now: asked });
    const token = await lastToken(user.id);
    expect(await findValidReset({ token, now: new Date("2030-01-01T10:59:00Z") })).not.toBeNull();
    expect(await findValidReset({ token, now: new Date("2030-01-01T11:00:01Z") })).toBeNull();
    await expect(resetPassword({ token, password: NEW_PASSWORD, now: new Date("2030-01-01T11:05:00Z") })).rejects.toThrow(RESET_LINK_INVALID);
  });

  it("says nothing and sends nothing for an unknown account, an account without e-mail, or too many requests", async () => {
    await expect(requestPasswordReset({ login: "personne.inconnue", clientKey: "test-c" })).resolves.toBeUndefined();
    const withoutMail = await createProviderUser();
    const db = await getDb();
    await db.update(users).set({ email: null }).where(eq(users.id, withoutMail.id));
    await requestPasswordReset({ login: withoutMail.identifier, clientKey: "test-c" });
    expect(await resetMails(withoutMail.id)).toEqual([]);

    const user = await createProviderUser();
    const now = new Date("2030-02-01T10:00:00Z");
    for (let i = 0; i < RESET_REQUESTS_PER_HOUR + 2; i++) await requestPasswordReset({ login: user.identifier, clientKey: `test-d-${i}`, now });
    expect(await resetMails(user.id)).toHaveLength(RESET_REQUESTS_PER_HOUR);
    // An hour later the limit starts again.
    await requestPasswordReset({ login: user.identifier, clientKey: "test-d", now: new Date("2030-02-01T11:00:01Z") });
    expect(await resetMails(user.id)).toHaveLength(RESET_REQUESTS_PER_HOUR + 1);
  });

  it("refuses a password that contains the identifier, and keeps the link usable", async () => {
    const user = await createProviderUser();
    await requestPasswordReset({ login: user.identifier, clientKey: "test-e" });
    const token = await lastToken(user.id);
    await expect(resetPassword({ token, password: `${user.identifier} et la suite` })).rejects.toMatchObject({ errors: { password: expect.any(String) } });
    expect(await findValidReset({ token })).not.toBeNull();
  });
});
