import "server-only";
import { auditLog, type AuditEntry } from "@/db/schema";
import type { Database } from "@/db/client";

type Executor = Pick<Database, "insert">;

export interface Actor {
  id: string;
  role: "provider" | "staff" | "admin";
}

/** Every kind of entry the audit log holds: who did what, named once here. */
export type AuditEvent =
  | "action.created"
  /** Recorded on the source action; the copy has its own "action.created". */
  | "action.duplicated"
  | "action.archived"
  | "action.restored"
  | "revision.saved"
  /** Also a « mise à jour rapide » (details.quickUpdate). */
  | "revision.submitted"
  /** The provider pulled a submission back to draft (« Retirer de la validation »). */
  | "revision.withdrawn"
  | "revision.approved"
  | "revision.rejected"
  | "dossier.saved"
  | "dossier.submitted"
  | "dossier.withdrawn"
  | "dossier.approved"
  | "dossier.rejected"
  | "setting.saved"
  /** R10: staff created an organisation (its first user has its own "user.created"). */
  | "organisation.created"
  | "user.created"
  /** Staff gave the user new temporary codes; never the password itself. */
  | "user.codes-reset"
  | "user.disabled"
  | "user.enabled"
  | "user.role-changed"
  /** The user chose their password (details.forced: in place of temporary codes). */
  | "user.password-changed";

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
