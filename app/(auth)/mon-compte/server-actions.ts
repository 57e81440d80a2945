"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/app/(auth)/auth";
import { writeAudit } from "@/db/queries/audit";
import { revokeUserSessions } from "@/db/queries/sessions";
import { getDb } from "@/db";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { z } from "@/lib/validations/zod";

/**
 * « Se déconnecter de tous les appareils »: every session of the person ends — on this browser,
 * on a shared computer they forgot, on a telephone they lost — and they sign in again here.
 */
export const signOutEverywhere = authorizedAction(
  SERVER_ACTIONS.signOutEverywhere,
  z.object({}),
  async (_values, user) => {
    const db = await getDb();
    await db.transaction(async (tx) => {
      const ended = await revokeUserSessions(tx, { userId: user.id, reason: "logout-all" });
      await writeAudit(tx, { actor: user, event: "user.signed-out-everywhere", entityType: "user", entityId: user.id, details: { sessions: ended } });
    });
    await signOut({ redirect: false });
    redirect("/connexion");
  },
);
