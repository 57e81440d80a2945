// R10, the forced password change: a person signed in with temporary codes can do nothing but
// choose a password (every page sends them to /mot-de-passe, every other server action refuses),
// and codes reset by staff end the sessions opened before. On the real database of the project.

import {
  databaseFingerprint,
  FIELDS_TO_FIX,
  outcome,
  SESSION_EXPIRED,
  signInAs,
} from "@/app/test-utils/server-action-harness";
import { eq } from "drizzle-orm";
import { describe, expect, it, type Mock } from "vitest";
import { changePassword } from "@/app/(auth)/mot-de-passe/server-actions";
import { signIn } from "@/app/(auth)/auth";
import { resetAccountCodes } from "@/app/(gestion)/gestion/comptes/server-actions";
import { submitForValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { getDb } from "@/db";
import { resetCodes } from "@/db/queries/accounts";
import { users } from "@/db/schema";
import { actionContent, actorOf, createProviderAndStaff, createStaffUser } from "@/db/test-utils/fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { PASSWORD_CHANGE_FIRST } from "@/lib/auth/safe-action";
import { requirePageUser, requireProviderPage, STAFF_ROLES } from "@/lib/auth/session";
import { PASSWORD_ERRORS } from "@/lib/validations/accounts";


const signInMock = signIn as unknown as Mock;
const NEW_PASSWORD = "trois chevaux bleus à Nancy";

async function userRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

/** A provider whose codes staff just reset, signed in with them a moment later. */
async function providerWithTemporaryCodes() {
  const { provider, staff } = await createProviderAndStaff();
  const codes = await resetCodes({ userId: provider.id, actor: actorOf(staff) });
  const row = await userRow(provider.id);
  signInAs(row);
  return { provider: row, staff, codes };
}

/** What a page guard did: the address it sent to, or the error it threw. */
async function guard(call: Promise<unknown>) {
  return call.then(
    () => "allowed",
    (error: Error) => error.message,
  );
}

describe("signed in with temporary codes", () => {
  it("every page sends the person to /mot-de-passe", async () => {
    await providerWithTemporaryCodes();
    expect(await guard(requireProviderPage("/espace-organisme"))).toBe("NEXT_REDIRECT:/mot-de-passe");
  });

  it("every other server action is refused, and writes nothing", async () => {
    const { provider } = await providerWithTemporaryCodes();
    const before = await databaseFingerprint();
    expect(await outcome(submitForValidation({ values: actionContent() }))).toEqual({ state: { message: PASSWORD_CHANGE_FIRST } });
    expect(await outcome(resetAccountCodes({ userId: provider.id }))).toEqual({ state: { message: PASSWORD_CHANGE_FIRST } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("choosing a password clears the flag, signs in again with it and goes home", async () => {
    const { provider, codes } = await providerWithTemporaryCodes();
    expect(await outcome(changePassword({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }))).toEqual({ redirectedTo: "/espace-organisme" });
    const row = await userRow(provider.id);
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt!.getTime()).toBeGreaterThan(provider.passwordChangedAt!.getTime());
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, codes.password)).toBe(false);
    expect(signInMock).toHaveBeenCalledWith("credentials", { identifier: provider.identifier, password: NEW_PASSWORD, redirect: false });

    // The session that made the change began before it: the new one (signIn) replaces it.
    expect(await outcome(submitForValidation({ values: actionContent() }))).toEqual({ state: { message: SESSION_EXPIRED } });
    signInAs(row);
    expect(await guard(requireProviderPage("/espace-organisme"))).toBe("allowed");
  });

  it("the temporary codes, the identifier or two different entries are refused, and nothing is written", async () => {
    const { provider, codes } = await providerWithTemporaryCodes();
    const before = await databaseFingerprint();
    expect(await outcome(changePassword({ password: codes.password, confirmation: codes.password }))).toEqual({
      state: { message: PASSWORD_ERRORS.sameAsTemporary, errors: { password: PASSWORD_ERRORS.sameAsTemporary } },
    });
    const withIdentifier = `${provider.identifier}-2026!`;
    expect(await outcome(changePassword({ password: withIdentifier, confirmation: withIdentifier }))).toMatchObject({
      state: { errors: { password: PASSWORD_ERRORS.identifier } },
    });
    expect(await outcome(changePassword({ password: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}.` }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { confirmation: PASSWORD_ERRORS.mismatch } },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(signInMock).not.toHaveBeenCalled();
  });
});

describe("the password rule (issue 10)", () => {
  it("a common or easily guessed password is refused by the server as by the form, and nothing is written", async () => {
    await providerWithTemporaryCodes();
    const before = await databaseFingerprint();
    for (const [password, message] of [
      ["azertyuiop123", PASSWORD_ERRORS.common],
      ["Marseille2026!", PASSWORD_ERRORS.common],
      ["abcabcabcabc", PASSWORD_ERRORS.weak],
    ] as const) {
      expect(await outcome(changePassword({ password, confirmation: password }))).toEqual({ state: { message: FIELDS_TO_FIX, errors: { password: message } } });
    }
    expect(await databaseFingerprint()).toEqual(before);
    expect(signInMock).not.toHaveBeenCalled();
  });
});

describe("sessions and codes", () => {
  it("a reset by staff ends the sessions opened before it: they cannot choose the new password", async () => {
    const { provider, staff } = await createProviderAndStaff();
    signInAs(provider);
    await resetCodes({ userId: provider.id, actor: actorOf(staff) });
    const before = await databaseFingerprint();
    expect(await outcome(changePassword({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }))).toEqual({ state: { message: SESSION_EXPIRED } });
    expect(await guard(requireProviderPage("/espace-organisme"))).toBe(`NEXT_REDIRECT:/connexion?callbackUrl=${encodeURIComponent("/espace-organisme")}`);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a change of one's own accord asks for the current password", async () => {
    const { provider, codes } = await providerWithTemporaryCodes();
    await outcome(changePassword({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }));
    signInAs(await userRow(provider.id));
    const next = "quatre chevaux verts à Metz";
    expect(await outcome(changePassword({ password: next, confirmation: next }))).toMatchObject({ state: { errors: { currentPassword: PASSWORD_ERRORS.currentMissing } } });
    expect(await outcome(changePassword({ currentPassword: codes.password, password: next, confirmation: next }))).toMatchObject({
      state: { errors: { currentPassword: PASSWORD_ERRORS.currentWrong } },
    });
    expect(await outcome(changePassword({ currentPassword: NEW_PASSWORD, password: next, confirmation: next }))).toEqual({ redirectedTo: "/espace-organisme" });
    expect(await verifyPassword((await userRow(provider.id)).passwordHash, next)).toBe(true);
  });

  it("anonymous and disabled accounts cannot change a password", async () => {
    const { provider } = await providerWithTemporaryCodes();
    signInAs(null);
    expect(await outcome(changePassword({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }))).toEqual({ state: { message: SESSION_EXPIRED } });
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, provider.id));
    signInAs(provider);
    const before = await databaseFingerprint();
    expect(await outcome(changePassword({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }))).toEqual({ state: { message: SESSION_EXPIRED } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("areas", () => {
  it("a provider opening a staff page goes to their own area; staff opening a provider page are refused", async () => {
    const { provider } = await createProviderAndStaff();
    signInAs(provider);
    expect(await guard(requirePageUser(STAFF_ROLES, "/gestion"))).toBe("NEXT_REDIRECT:/espace-organisme");
    signInAs(await createStaffUser());
    expect(await guard(requireProviderPage("/espace-organisme"))).toBe("NEXT_FORBIDDEN");
  });
});
