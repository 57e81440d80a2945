// « Se déconnecter », in every page's header: the session of this browser ends and the person is
// on the sign-in page, whoever they are — signed in, with temporary codes, or no longer signed in.

import { databaseFingerprint, outcome, signInAs } from "@/app/test-utils/server-action-harness";
import { describe, expect, it, type Mock } from "vitest";
import { signOut } from "@/app/(auth)/auth";
import { logout } from "@/app/(auth)/server-actions";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { createProviderAndStaff } from "@/db/test-utils/fixtures";
import { eq } from "drizzle-orm";

const signOutMock = signOut as unknown as Mock;

describe("« Se déconnecter »", () => {
  it("ends the session of a signed-in person, staff or provider, even one with temporary codes, and opens the sign-in page", async () => {
    const { provider, staff } = await createProviderAndStaff();
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, provider.id));
    for (const user of [staff, { ...provider, mustChangePassword: true }]) {
      signOutMock.mockClear();
      await signInAs(user);
      expect(await outcome(logout())).toEqual({ redirectedTo: "/connexion" });
      expect(signOutMock).toHaveBeenCalledExactlyOnceWith({ redirect: false });
    }
  });

  it("is harmless for someone not signed in: nothing written, the sign-in page", async () => {
    signInAs(null);
    const before = await databaseFingerprint();
    expect(await outcome(logout())).toEqual({ redirectedTo: "/connexion" });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
