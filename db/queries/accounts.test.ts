// Accounts and their codes (R10): who may reset, disable, enable or change the role of whom, the
// temporary codes (hashed, to change at the next login, never in the audit log), and the password
// a person chooses. On the real database of the project (PGlite, PostgreSQL or Neon).

import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  accountRefusal,
  ADMIN_ONLY,
  changeOwnPassword,
  changeUserRole,
  createStaffAccount,
  resetCodes,
  setUserDisabled,
  type AccountOperation,
} from "@/db/queries/accounts";
import { auditLog, users, type User } from "@/db/schema";
import { actorOf, createProviderUser, createStaffUser } from "@/db/test-utils/fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { UserFacingError } from "@/lib/errors";
import { PASSWORD_ERRORS } from "@/lib/validations/accounts";

async function userRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

async function auditOf(userId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, userId))).orderBy(asc(auditLog.id));
}

/** The French message the call was refused with; the target's row and audit are unchanged. */
async function refusal(target: User, call: () => Promise<unknown>): Promise<string> {
  const [rowBefore, auditBefore] = [await userRow(target.id), await auditOf(target.id)];
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect(await userRow(target.id)).toEqual(rowBefore);
  expect(await auditOf(target.id)).toEqual(auditBefore);
  return (error as UserFacingError).message;
}

describe("who may manage which account", () => {
  const operations: AccountOperation[] = ["reset", "disable", "enable", "role"];

  it("staff manage the providers' accounts, never the team's", async () => {
    const [staff, otherStaff, admin, provider] = await Promise.all([createStaffUser(), createStaffUser(), createStaffUser({ role: "admin" }), createProviderUser()]);
    for (const operation of ["reset", "disable", "enable"] as const) expect(accountRefusal(actorOf(staff), provider, operation)).toBeNull();
    for (const operation of operations) {
      expect(accountRefusal(actorOf(staff), admin, operation)).toBe(ADMIN_ONLY);
      expect(accountRefusal(actorOf(staff), otherStaff, operation)).toBe(ADMIN_ONLY);
    }
    expect(await refusal(admin, () => resetCodes({ userId: admin.id, actor: actorOf(staff) }))).toBe(ADMIN_ONLY);
    expect(await refusal(admin, () => setUserDisabled({ userId: admin.id, disabled: true, actor: actorOf(staff) }))).toBe(ADMIN_ONLY);
    expect(await refusal(otherStaff, () => changeUserRole({ userId: otherStaff.id, role: "admin", actor: actorOf(staff) }))).toBe(ADMIN_ONLY);
  });

  it("nobody resets, disables or demotes themselves, so that an administrator always remains", async () => {
    const admin = await createStaffUser({ role: "admin" });
    const staff = await createStaffUser();
    for (const operation of operations) expect(accountRefusal(actorOf(admin), admin, operation)).not.toBeNull();
    expect(await refusal(admin, () => setUserDisabled({ userId: admin.id, disabled: true, actor: actorOf(admin) }))).toMatch(/votre propre compte/);
    expect(await refusal(admin, () => changeUserRole({ userId: admin.id, role: "staff", actor: actorOf(admin) }))).toMatch(/votre propre rôle/);
    expect(await refusal(admin, () => resetCodes({ userId: admin.id, actor: actorOf(admin) }))).toMatch(/vos propres codes/);
    expect(await refusal(staff, () => setUserDisabled({ userId: staff.id, disabled: true, actor: actorOf(staff) }))).toMatch(/votre propre compte/);
  });

  it("a provider's role never changes, and providers manage no account", async () => {
    const [admin, provider, colleague] = await Promise.all([createStaffUser({ role: "admin" }), createProviderUser(), createProviderUser()]);
    expect(await refusal(provider, () => changeUserRole({ userId: provider.id, role: "admin", actor: actorOf(admin) }))).toMatch(/organisme ne se change pas/);
    for (const operation of operations) expect(accountRefusal(actorOf(provider), colleague, operation)).toMatch(/droits nécessaires/);
  });
});

describe("temporary codes", () => {
  it("a reset stores a new hash only, asks for a new password at the next login, and ends older sessions", async () => {
    const [staff, provider] = await Promise.all([createStaffUser(), createProviderUser()]);
    const now = new Date();
    const codes = await resetCodes({ userId: provider.id, actor: actorOf(staff), now });
    expect(codes).toMatchObject({ userId: provider.id, identifier: provider.identifier });
    const row = await userRow(provider.id);
    expect(row).toMatchObject({ mustChangePassword: true, passwordChangedAt: now });
    expect(await verifyPassword(row.passwordHash, codes.password)).toBe(true);
    const [entry] = await auditOf(provider.id);
    expect(entry).toMatchObject({ event: "user.codes-reset", actorId: staff.id, details: { identifier: provider.identifier } });
    expect(JSON.stringify(entry)).not.toContain(codes.password);
  });

  it("an administrator creates a team account with a readable identifier, numbered when taken", async () => {
    const admin = await createStaffUser({ role: "admin" });
    const surname = `Martin${randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
    const first = await createStaffAccount({ values: { displayName: `Claire ${surname}`, email: "claire@carif.example.org", role: "staff" }, actor: actorOf(admin) });
    const second = await createStaffAccount({ values: { displayName: `Claire ${surname}`, email: "claire2@carif.example.org", role: "admin" }, actor: actorOf(admin) });
    expect(first.identifier).toBe(`claire.${surname.toLowerCase()}`);
    expect(second.identifier).toBe(`${first.identifier}2`);
    expect(await userRow(second.userId)).toMatchObject({ role: "admin", organisationId: null, mustChangePassword: true });
    expect((await auditOf(second.userId)).map((e) => [e.event, e.details])).toEqual([["user.created", { identifier: second.identifier, role: "admin" }]]);

    const staff = await createStaffUser();
    await expect(createStaffAccount({ values: { displayName: "Paul Durand", email: "paul@carif.example.org", role: "admin" }, actor: actorOf(staff) })).rejects.toThrow(ADMIN_ONLY);
  });
});

describe("disabling, enabling and roles", () => {
  it("disables and enables an account once each, with an audit entry each time", async () => {
    const [staff, provider] = await Promise.all([createStaffUser(), createProviderUser()]);
    await setUserDisabled({ userId: provider.id, disabled: true, actor: actorOf(staff) });
    expect((await userRow(provider.id)).disabledAt).toBeInstanceOf(Date);
    expect(await refusal(provider, () => setUserDisabled({ userId: provider.id, disabled: true, actor: actorOf(staff) }))).toBe("Ce compte est déjà désactivé.");
    await setUserDisabled({ userId: provider.id, disabled: false, actor: actorOf(staff) });
    expect((await userRow(provider.id)).disabledAt).toBeNull();
    expect((await auditOf(provider.id)).map((e) => e.event)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("an administrator promotes and demotes another member of the team", async () => {
    const [admin, staff] = await Promise.all([createStaffUser({ role: "admin" }), createStaffUser()]);
    await changeUserRole({ userId: staff.id, role: "admin", actor: actorOf(admin) });
    await changeUserRole({ userId: staff.id, role: "admin", actor: actorOf(admin) });
    await changeUserRole({ userId: staff.id, role: "staff", actor: actorOf(admin) });
    expect((await userRow(staff.id)).role).toBe("staff");
    expect((await auditOf(staff.id)).map((e) => e.details)).toEqual([
      { identifier: staff.identifier, from: "staff", to: "admin" },
      { identifier: staff.identifier, from: "admin", to: "staff" },
    ]);
  });
});

describe("an administrator always remains", () => {
  const NO_LONGER_ADMIN = "Votre compte n’est plus administrateur : cette modification n’est pas enregistrée.";

  it.each([
    ["demote", (target: User, actor: User) => changeUserRole({ userId: target.id, role: "staff", actor: actorOf(actor) })],
    ["disable", (target: User, actor: User) => setUserDisabled({ userId: target.id, disabled: true, actor: actorOf(actor) })],
  ] as const)("two administrators who %s each other at the same moment: one change only", async (_name, change) => {
    const [a, b] = await Promise.all([createStaffUser({ role: "admin" }), createStaffUser({ role: "admin" })]);
    const outcomes = await Promise.allSettled([change(b, a), change(a, b)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(UserFacingError);
    expect((refused.reason as UserFacingError).message).toBe(NO_LONGER_ADMIN);
    const rows = [await userRow(a.id), await userRow(b.id)];
    expect(rows.filter((r) => r.role === "admin" && r.disabledAt === null)).toHaveLength(1);
  });

  it("an administrator demoted meanwhile changes nothing with the page still open", async () => {
    const [a, b] = await Promise.all([createStaffUser({ role: "admin" }), createStaffUser({ role: "admin" })]);
    await changeUserRole({ userId: b.id, role: "staff", actor: actorOf(a) });
    // b's page, opened as an administrator, still sends the change.
    expect(await refusal(a, () => changeUserRole({ userId: a.id, role: "staff", actor: actorOf(b) }))).toBe(NO_LONGER_ADMIN);
    expect(await refusal(a, () => setUserDisabled({ userId: a.id, disabled: true, actor: actorOf(b) }))).toBe(NO_LONGER_ADMIN);
  });
});

describe("the password a person chooses", () => {
  async function withTemporaryCodes() {
    const [staff, provider] = await Promise.all([createStaffUser(), createProviderUser()]);
    const codes = await resetCodes({ userId: provider.id, actor: actorOf(staff) });
    return { provider, codes };
  }

  const fieldError = async (call: Promise<unknown>) => ((await call.catch((e: unknown) => e)) as UserFacingError).errors;

  it("after temporary codes: the new one alone; the flag is cleared and the change recorded", async () => {
    const { provider, codes } = await withTemporaryCodes();
    const now = new Date(Date.now() + 1000);
    expect(await changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: "chevaux bleus de Lorraine", now })).toMatchObject({ forced: true });
    const row = await userRow(provider.id);
    expect(row).toMatchObject({ mustChangePassword: false, passwordChangedAt: now });
    expect(await verifyPassword(row.passwordHash, "chevaux bleus de Lorraine")).toBe(true);
    expect(await verifyPassword(row.passwordHash, codes.password)).toBe(false);
    const entries = await auditOf(provider.id);
    expect(entries.at(-1)).toMatchObject({ event: "user.password-changed", actorId: provider.id, details: { forced: true } });
    expect(JSON.stringify(entries)).not.toContain("chevaux");
  });

  it("refuses the temporary codes themselves and the identifier", async () => {
    const { provider, codes } = await withTemporaryCodes();
    expect(await fieldError(changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: codes.password }))).toEqual({ password: PASSWORD_ERRORS.sameAsTemporary });
    expect(await fieldError(changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: `Moi-${provider.identifier.toUpperCase()}` }))).toEqual({
      password: PASSWORD_ERRORS.identifier,
    });
    expect(await userRow(provider.id)).toMatchObject({ mustChangePassword: true });
  });

  it("of one's own accord: the current password is asked for, and checked", async () => {
    const { provider, codes } = await withTemporaryCodes();
    await changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: "premier mot de passe choisi" });
    expect(await fieldError(changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: "second mot de passe choisi" }))).toEqual({
      currentPassword: PASSWORD_ERRORS.currentMissing,
    });
    expect(await fieldError(changeOwnPassword({ userId: provider.id, currentPassword: codes.password, newPassword: "second mot de passe choisi" }))).toEqual({
      currentPassword: PASSWORD_ERRORS.currentWrong,
    });
    expect(
      await fieldError(changeOwnPassword({ userId: provider.id, currentPassword: "premier mot de passe choisi", newPassword: "premier mot de passe choisi" })),
    ).toEqual({ password: PASSWORD_ERRORS.sameAsCurrent });
    expect(await changeOwnPassword({ userId: provider.id, currentPassword: "premier mot de passe choisi", newPassword: "second mot de passe choisi" })).toMatchObject({
      forced: false,
    });
  });

  it("holds back guesses of the current password as it does logins, the right one too", async () => {
    const { provider } = await withTemporaryCodes();
    const now = new Date("2027-04-01T08:00:00Z");
    await changeOwnPassword({ userId: provider.id, currentPassword: "", newPassword: "premier mot de passe choisi", now });
    const attempt = (currentPassword: string) => fieldError(changeOwnPassword({ userId: provider.id, currentPassword, newPassword: "second mot de passe choisi", now }));
    for (let i = 0; i < 3; i++) expect(await attempt("pas le bon du tout")).toEqual({ currentPassword: PASSWORD_ERRORS.currentWrong });
    expect((await attempt("premier mot de passe choisi"))?.currentPassword).toMatch(/^Trop d’essais du mot de passe actuel ont échoué\. Patientez 1\u00a0seconde/);
    // Once the wait is over, the right one goes through, and the count starts again.
    const later = new Date(now.getTime() + 2000);
    await changeOwnPassword({ userId: provider.id, currentPassword: "premier mot de passe choisi", newPassword: "second mot de passe choisi", now: later });
    expect(await userRow(provider.id)).toMatchObject({ mustChangePassword: false });
  });
});
