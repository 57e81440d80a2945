// What staff's review pages send back with a decision: the revision or the dossier, with the time
// of the sending they show (db/queries/submission-check.ts).

import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actionRevisions, organisationDossiers } from "@/db/schema";

export async function seenRevision(revisionId: string): Promise<{ revisionId: string; submittedAt: string }> {
  const db = await getDb();
  const [row] = await db.select({ at: actionRevisions.submittedAt }).from(actionRevisions).where(eq(actionRevisions.id, revisionId));
  // A draft was never sent: any time, which the decision refuses like the draft itself.
  return { revisionId, submittedAt: (row?.at ?? new Date(0)).toISOString() };
}

export async function seenDossier(dossierId: string): Promise<{ dossierId: string; submittedAt: string }> {
  const db = await getDb();
  const [row] = await db.select({ at: organisationDossiers.submittedAt }).from(organisationDossiers).where(eq(organisationDossiers.id, dossierId));
  return { dossierId, submittedAt: (row?.at ?? new Date(0)).toISOString() };
}
