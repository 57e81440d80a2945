import "server-only";
import { and, inArray, isNotNull, isNull } from "drizzle-orm";
import { users } from "@/db/schema";
import { lockJob, type JobContext, type JobOutcome } from "@/db/jobs/runner";
import { enqueueMail } from "@/db/queries/mail";
import { getOverview, weekStart } from "@/db/queries/overview";
import { parisDate } from "@/lib/dates";
import { staffDigest } from "@/lib/mail/messages";
import { appUrl } from "@/lib/urls";

/** The weekly digest to staff: queue size, oldest item, dossiers expiring; once per week and person. */
export async function sendStaffDigest({ db, asOf }: JobContext): Promise<JobOutcome> {
  const overview = await getOverview({ today: asOf });
  const oldest = [overview.queue.actions.oldest, overview.queue.dossiers.oldest].filter((d): d is Date => d !== null).sort((a, b) => +a - +b)[0];
  const message = staffDigest({
    queueSize: overview.queue.actions.count + overview.queue.dossiers.count,
    oldestSince: oldest ? parisDate(oldest) : null,
    expiring: overview.expiringDossiers.map((d) => ({ name: d.name, expiryDate: d.expiryDate })),
    link: appUrl("/gestion/validation"),
  });
  const week = weekStart(asOf);
  const queued = await db.transaction(async (tx) => {
    await lockJob(tx, "staff-digest");
    const staff = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.role, ["staff", "admin"]), isNull(users.disabledAt), isNotNull(users.email)));
    return enqueueMail(
      tx,
      staff.map((user) => ({ kind: "staff-digest", to: { address: user.email!, userId: user.id }, dedupeKey: `staff-digest:${week}:${user.id}`, message })),
    );
  });
  return { counts: { digestsQueued: queued }, tags: [] };
}
