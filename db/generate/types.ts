// Row shapes the generator writes, and the options it takes.

import type { Database } from "@/db/client";
import type { AuditEvent } from "@/db/queries/audit";
import type {
  actionRevisions,
  actions,
  auditLog,
  organisationDossiers,
  organisations,
  publishedActions,
  publishedSessions,
  users,
} from "@/db/schema";

export type OrganisationRow = typeof organisations.$inferInsert & { id: string };
export type UserRow = typeof users.$inferInsert & { id: string };
export type DossierRow = typeof organisationDossiers.$inferInsert & { id: string };
export type ActionRow = typeof actions.$inferInsert & { id: string };
export type RevisionRow = typeof actionRevisions.$inferInsert & { id: string };
export type PublishedActionRow = typeof publishedActions.$inferInsert;
export type PublishedSessionRow = typeof publishedSessions.$inferInsert;
/** An audit entry as the product writes it (writeAudit), with its instant. */
export type AuditRow = Omit<typeof auditLog.$inferInsert, "id" | "event" | "at"> & { event: AuditEvent; at: Date };

export interface GenerateOptions {
  /** Where to write: a database handle, or a transaction. */
  db: Pick<Database, "select" | "insert" | "transaction">;
  /** The same seed (with the same other options) writes the same rows. */
  seed: number;
  organisations: number;
  actions: number;
  /** Sessions in each action's content (a fraction spreads evenly: 2.5 gives 2 or 3). */
  sessionsPerAction: number;
  /** Revisions per action, 1 or more (a fraction spreads evenly). */
  revisionsPerAction: number;
  /**
   * Audit entries in all. The history of the rows above comes first (creations, submissions,
   * decisions); the rest are drafts saved along the way. Fewer than the history: the history.
   */
  auditEntries: number;
  /** The Paris day the data set is built around (sessions, expiries, queue ages). */
  today: string;
  /** The latest instant of the data set; by default 07:00 in Paris on `today`. */
  now?: Date;
  /** Hash given to every generated account; by default one no password matches. */
  passwordHash?: string;
  /** Called after each step, for a progress line. */
  onProgress?: (message: string) => void;
}

export interface GenerateSummary {
  organisations: number;
  users: number;
  dossiers: number;
  actions: number;
  revisions: Record<"draft" | "submitted" | "approved" | "rejected", number>;
  publishedActions: number;
  publishedSessions: number;
  auditEntries: number;
}
