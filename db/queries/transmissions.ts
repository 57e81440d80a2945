import "server-only";
import { desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { exportTransmissions, type ExportTransmission } from "@/db/schema";

// The record of each transmission (db/schema.ts `export_transmissions`), written by the feed
// routes as they stream and shown to staff at /gestion/transmissions.

export async function startTransmission(values: { feed: "lheo" | "removed"; tokenName: string; asOf: string; since: string | null; at?: Date }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .insert(exportTransmissions)
    .values({ feed: values.feed, tokenName: values.tokenName, asOf: values.asOf, since: values.since, startedAt: values.at ?? new Date() })
    .returning({ id: exportTransmissions.id });
  return row!.id;
}

export async function finishTransmission(
  id: number,
  values: { status: "complete" | "interrupted" | "failed"; formations?: number; sessions?: number; removed?: number; at?: Date },
) {
  const db = await getDb();
  await db
    .update(exportTransmissions)
    .set({ status: values.status, formations: values.formations ?? 0, sessions: values.sessions ?? 0, removed: values.removed ?? 0, finishedAt: values.at ?? new Date() })
    .where(eq(exportTransmissions.id, id));
}

export const TRANSMISSIONS_PAGE = 50;

/** The longest a transmission may run on Vercel (the LHÉO route's `maxDuration`). */
export const TRANSMISSION_TIME_LIMIT_S = 300;

/**
 * A transmission's state as staff read it: on Vercel (`timeLimited`), one still running past the
 * time limit was cut short by the platform; elsewhere nothing limits it.
 */
export function transmissionState(row: Pick<ExportTransmission, "status" | "startedAt">, now = new Date(), timeLimited = process.env.VERCEL === "1"): string {
  return timeLimited && row.status === "running" && now.getTime() - row.startedAt.getTime() > TRANSMISSION_TIME_LIMIT_S * 1000 ? "cut" : row.status;
}

/** Newest first, in keyset pages: `before` is the id of the last row of the previous page. */
export async function listTransmissions({ before, limit = TRANSMISSIONS_PAGE }: { before?: number; limit?: number } = {}): Promise<ExportTransmission[]> {
  const db = await getDb();
  return db
    .select()
    .from(exportTransmissions)
    .where(before ? lt(exportTransmissions.id, before) : undefined).orderBy(desc(exportTransmissions.id)).limit(limit);
}
