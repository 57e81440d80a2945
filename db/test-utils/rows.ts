// Reading rows back in integration tests, to check what a query or an action really wrote.

import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actionRevisions, actions, auditLog } from "@/db/schema";

export async function revisionsOf(actionId: string) {
  const db = await getDb();
  return db.select().from(actionRevisions).where(eq(actionRevisions.actionId, actionId)).orderBy(asc(actionRevisions.number));
}

export async function revisionRow(revisionId: string) {
  const db = await getDb();
  const [row] = await db.select().from(actionRevisions).where(eq(actionRevisions.id, revisionId));
  return row!;
}

export async function actionRow(actionId: string) {
  const db = await getDb();
  const [row] = await db.select().from(actions).where(eq(actions.id, actionId));
  return row!;
}

/** The audit entries about an action, oldest first: who did what, with its details. */
export async function auditEvents(actionId: string) {
  const db = await getDb();
  return db
    .select({ event: auditLog.event, actorId: auditLog.actorId, actorRole: auditLog.actorRole, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "action"), eq(auditLog.entityId, actionId)))
    .orderBy(asc(auditLog.id));
}
