// Server-side authorization of the staff's account, organisation and settings actions (R10), per
// role, called as their forms call them, on the real database: a refused call answers in French
// and writes nothing (the fingerprint of every table is unchanged).

import {
  databaseFingerprint,
  NO_RIGHTS,
  outcome,
  SESSION_EXPIRED,
  signInAs,
} from "@/app/test-utils/server-action-harness";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeAccountRole, createTeamAccount, resetAccountCodes, setAccountDisabled } from "@/app/(gestion)/gestion/comptes/server-actions";
import { createOrganisation } from "@/app/(gestion)/gestion/organismes/server-actions";
import { saveAccessContact, saveRejectionReasons } from "@/app/(gestion)/gestion/parametres/server-actions";
import { getDb } from "@/db";
import { ADMIN_ONLY } from "@/db/queries/accounts";
import { users, type User } from "@/db/schema";
import { createProviderAndStaff, createProviderUser, createStaffUser, TOULOUSE, validSiret } from "@/db/test-utils/fixtures";
import { PASSWORD_CHANGE_FIRST, type ActionState } from "@/lib/auth/safe-action";

/** Two organisations, their providers, a staff member, two administrators, and a team member to act on. */
async function seed() {
  const { organisation, provider, staff } = await createProviderAndStaff();
  const colleague = await createProviderUser({ organisationId: organisation.id });
  const otherProvider = await createProviderUser();
  const [admin, otherAdmin, teamMember] = await Promise.all([createStaffUser({ role: "admin" }), createStaffUser({ role: "admin" }), createStaffUser()]);
  return { organisation, provider, colleague, otherProvider, staff, admin, otherAdmin, teamMember };
}

type Seed = Awaited<ReturnType<typeof seed>>;
type Role = "staff" | "admin";

/** Each action with input that would succeed for the right role: only authorization stops it. */
const validCalls: Record<string, { roles: Role[]; call: (s: Seed) => Promise<ActionState | void> }> = {
  createOrganisation: {
    roles: ["staff", "admin"],
    call: () =>
      createOrganisation({
        name: `Atelier ${randomUUID().slice(0, 8)}`,
        siret: validSiret(),
        address: { street: "", street2: "", postcode: "31000", communeInsee: TOULOUSE, communeName: "Toulouse" },
        email: "contact@atelier.example.org",
        userName: "Claire Martin",
        userEmail: "claire@atelier.example.org",
      }),
  },
  resetAccountCodes: { roles: ["staff", "admin"], call: (s) => resetAccountCodes({ userId: s.colleague.id }) },
  setAccountDisabled: { roles: ["staff", "admin"], call: (s) => setAccountDisabled({ userId: s.colleague.id, disabled: true }) },
  changeAccountRole: { roles: ["admin"], call: (s) => changeAccountRole({ userId: s.teamMember.id, role: "admin" }) },
  createTeamAccount: { roles: ["admin"], call: () => createTeamAccount({ displayName: "Paul Durand", email: "paul@carif.example.org", role: "staff" }) },
  saveAccessContact: {
    roles: ["admin"],
    call: () => saveAccessContact({ name: "Accueil du centre", phone: "03 83 00 00 00", email: "codes@carif.example.org", details: "Du lundi au vendredi." }),
  },
  saveRejectionReasons: {
    roles: ["admin"],
    call: () => saveRejectionReasons({ reasons: [{ id: randomUUID(), label: "Sigles", text: "Écrivez les sigles en toutes lettres la première fois." }] }),
  },
};
const names = Object.keys(validCalls);

async function expectRefused(s: Seed, name: string, message: string) {
  const before = await databaseFingerprint();
  expect(await outcome(validCalls[name]!.call(s))).toEqual({ state: { message } });
  expect(await databaseFingerprint()).toEqual(before);
}

async function disable(user: User) {
  const db = await getDb();
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
}

describe("refused: nothing is written", () => {
  it.each(names)("%s, anonymous: session expired", async (name) => {
    const s = await seed();
    signInAs(null);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(names)("%s, disabled administrator: session expired", async (name) => {
    const s = await seed();
    await disable(s.admin);
    signInAs(s.admin);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(names.flatMap((name) => [["the organisation's provider", name], ["another organisation's provider", name]] as const))("%s calling %s: no rights", async (who, name) => {
    const s = await seed();
    signInAs(who === "the organisation's provider" ? s.provider : s.otherProvider);
    await expectRefused(s, name, NO_RIGHTS);
  });

  it.each(names.filter((name) => !validCalls[name]!.roles.includes("staff")))("%s, staff: for administrators only", async (name) => {
    const s = await seed();
    signInAs(s.staff);
    await expectRefused(s, name, NO_RIGHTS);
  });

  it.each(names)("%s, administrator still on temporary codes: choose a password first", async (name) => {
    const s = await seed();
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, s.admin.id));
    signInAs(s.admin);
    await expectRefused(s, name, PASSWORD_CHANGE_FIRST);
  });

  it("a token claiming the admin role gives no admin rights: the role comes from the database", async () => {
    const s = await seed();
    signInAs({ ...s.staff, role: "admin" });
    await expectRefused(s, "createTeamAccount", NO_RIGHTS);
  });

  it("malformed input is refused before anything is read", async () => {
    const s = await seed();
    signInAs(s.admin);
    const before = await databaseFingerprint();
    const state = (await outcome(resetAccountCodes({ userId: "pas-un-identifiant" }))) as { state: ActionState };
    expect(state.state.errors).toEqual({ userId: "Ce compte est introuvable." });
    expect(await outcome(changeAccountRole({ userId: s.teamMember.id, role: "provider" as "admin" }))).toMatchObject({ state: { errors: { role: expect.any(String) } } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("the account rules, on the server", () => {
  it("staff cannot reset, disable or promote an administrator or another team member", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(resetAccountCodes({ userId: s.admin.id }))).toEqual({ state: { message: ADMIN_ONLY } });
    expect(await outcome(setAccountDisabled({ userId: s.admin.id, disabled: true }))).toEqual({ state: { message: ADMIN_ONLY } });
    expect(await outcome(resetAccountCodes({ userId: s.teamMember.id }))).toEqual({ state: { message: ADMIN_ONLY } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("an administrator can neither disable nor demote themselves", async () => {
    const s = await seed();
    signInAs(s.admin);
    const before = await databaseFingerprint();
    expect(await outcome(setAccountDisabled({ userId: s.admin.id, disabled: true }))).toMatchObject({ state: { message: expect.stringMatching(/votre propre compte/) } });
    expect(await outcome(changeAccountRole({ userId: s.admin.id, role: "staff" }))).toMatchObject({ state: { message: expect.stringMatching(/votre propre rôle/) } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("an administrator disables another administrator, who is signed out at their next request", async () => {
    const s = await seed();
    signInAs(s.admin);
    expect(await outcome(setAccountDisabled({ userId: s.otherAdmin.id, disabled: true }))).toEqual({ state: { ok: true, message: "Le compte est désactivé." } });
    signInAs(s.otherAdmin);
    expect(await outcome(createTeamAccount({ displayName: "Paul Durand", email: "paul@carif.example.org", role: "staff" }))).toEqual({ state: { message: SESSION_EXPIRED } });
  });
});

describe.each(["staff", "admin"] as const)("allowed to %s", (role) => {
  it.each(names.filter((name) => validCalls[name]!.roles.includes(role)))("%s succeeds", async (name) => {
    const s = await seed();
    signInAs(role === "staff" ? s.staff : s.admin);
    const result = (await outcome(validCalls[name]!.call(s))) as { state: ActionState & { codes?: { password: string } } };
    expect(result.state).toMatchObject({ ok: true });
    if (result.state.codes) expect(result.state.codes.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
  });
});
