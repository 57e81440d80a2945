import "server-only";
import { auditLog, type AuditEntry } from "@/db/schema";
import type { Database } from "@/db/client";
import type { AuditEvent } from "@/lib/audit-events";

type Executor = Pick<Database, "insert">;

export interface Actor {
  id: string;
  role: "provider" | "staff" | "admin";
}

export type { AuditEvent };

/** Records who did what to which record. Call it inside the transaction that makes the change. */
export async function writeAudit(
  tx: Executor,
  entry: {
    actor: Actor | null;
    event: AuditEvent;
    entityType: string;
    entityId: string;
    details?: Record<string, unknown>;
    /** When it happened, if not now (the caller's own clock, so the entry matches the change). */
    at?: Date;
  },
) {
  const row: AuditEntry = {
    ...(entry.at ? { at: entry.at } : {}),
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    event: entry.event,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? null,
  };
  await tx.insert(auditLog).values(row);
}
