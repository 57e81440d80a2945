// Turns a planned action (db/generate/plan.ts) into the rows the product would have written along
// its history: the action, its revisions with their content, the published catalogue rows of the
// latest approved revision, and the audit entries of every step.

import { buildContent, REJECTION_REASONS } from "@/db/generate/content";
import type { Places } from "@/db/generate/places";
import type { PlannedAction } from "@/db/generate/plan";
import { publishedActionRow, publishedSessionRows } from "@/db/generate/published";
import type { Random } from "@/db/generate/random";
import type { ActionRow, AuditRow, PublishedActionRow, PublishedSessionRow, RevisionRow } from "@/db/generate/types";
import { parisDate } from "@/lib/dates";
import type { Codification } from "@/lib/validations/action";

export interface ActionRows {
  action: ActionRow;
  revisions: RevisionRow[];
  published: PublishedActionRow | null;
  sessions: PublishedSessionRow[];
  events: AuditRow[];
}

export function actionRows(plan: PlannedAction, random: Random, places: Places, today: string, now: number): ActionRows {
  const { organisation, template, revisions } = plan;
  const provider = () => random.pick(organisation.providerIds);
  const creator = provider();
  const approvedNumbers = revisions.filter((r) => r.status === "approved").map((r) => r.number);
  const latestApproved = approvedNumbers.at(-1) ?? null;
  const codification: Codification = { formacodes: template.formacodes, romeCodes: [], nsfCode: "", level: "" };
  const entity = { entityType: "action", entityId: plan.id };
  const events: AuditRow[] = [{ actorId: creator, actorRole: "provider", ...entity, event: "action.created", details: null, at: new Date(plan.enteredAt) }];

  let published: PublishedActionRow | null = null;
  let sessions: PublishedSessionRow[] = [];
  const rows: RevisionRow[] = revisions.map((revision, k) => {
    const isLast = k === revisions.length - 1;
    const sentAt = revision.submittedAt ?? revision.createdAt;
    const content = buildContent({
      random,
      template,
      places,
      department: organisation.department,
      today,
      sentOn: parisDate(new Date(sentAt)),
      sessions: plan.sessions,
      current: isLast || revision.number === latestApproved,
      draft: revision.status === "draft",
    });
    const author = provider();
    const approved = revision.status === "approved";
    const rejectionReason = revision.status === "rejected" ? random.pick(REJECTION_REASONS) : null;
    const at = (ms: number | null) => (ms === null ? null : new Date(ms));

    // Saves between its creation and its sending (or now, for a draft still open).
    const until = revision.submittedAt ?? now;
    for (let n = 0; n < revision.saves; n++) {
      const when = n === 0 ? revision.createdAt : revision.createdAt + random.next() * (until - revision.createdAt);
      events.push({ actorId: author, actorRole: "provider", ...entity, event: "revision.saved", details: { revisionId: revision.id, title: content.title }, at: new Date(when) });
    }
    if (revision.submittedAt !== null) {
      events.push({ actorId: author, actorRole: "provider", ...entity, event: "revision.submitted", details: { revisionId: revision.id, title: content.title }, at: new Date(revision.submittedAt) });
    }
    if (revision.decidedAt !== null) {
      const staff = { actorId: revision.deciderId, actorRole: "staff" as const, ...entity, at: new Date(revision.decidedAt) };
      events.push(
        approved
          ? { ...staff, event: "revision.approved", details: { revisionId: revision.id, ...codification } }
          : { ...staff, event: "revision.rejected", details: { revisionId: revision.id, reason: rejectionReason } },
      );
    }
    if (revision.number === latestApproved) {
      const firstApproved = revisions.find((r) => r.number === approvedNumbers[0])!;
      published = publishedActionRow({
        actionId: plan.id,
        revisionId: revision.id,
        organisationId: organisation.id,
        content,
        codification,
        publishedAt: new Date(revision.decidedAt!),
        firstPublishedAt: new Date(firstApproved.decidedAt!),
      });
      sessions = publishedSessionRows(plan.id, content);
    }
    return {
      id: revision.id,
      actionId: plan.id,
      number: revision.number,
      status: revision.status,
      content,
      codification: approved ? codification : null,
      createdBy: author,
      submittedAt: at(revision.submittedAt),
      submittedBy: revision.submittedAt === null ? null : author,
      decidedAt: at(revision.decidedAt),
      decidedBy: revision.deciderId,
      rejectionReason,
      createdAt: new Date(revision.createdAt),
      updatedAt: new Date(revision.decidedAt ?? revision.submittedAt ?? revision.createdAt),
    };
  });

  if (plan.archivedAt !== null) {
    events.push({ actorId: provider(), actorRole: "provider", ...entity, event: "action.archived", details: null, at: new Date(plan.archivedAt) });
  }
  const lastChange = Math.max(...events.map((e) => e.at.getTime()));
  return {
    action: {
      id: plan.id,
      organisationId: organisation.id,
      firstEnteredAt: new Date(plan.enteredAt),
      firstSubmittedAt: revisions[0]!.submittedAt === null ? null : new Date(revisions[0]!.submittedAt),
      createdBy: creator,
      archivedAt: plan.archivedAt === null ? null : new Date(plan.archivedAt),
      version: events.length,
      createdAt: new Date(plan.enteredAt),
      updatedAt: new Date(lastChange),
    },
    revisions: rows,
    published,
    sessions,
    events,
  };
}
