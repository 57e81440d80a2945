// The history of every generated action, decided before any content is drawn: which
// organisation, which course, how many revisions, their statuses and dates. Knowing the whole
// history first tells how many audit entries it makes, so the drafts saved along the way can
// bring the log to the size asked for, and ids can be checked for clashes (public slugs).

import type { OrganisationPlan } from "@/db/generate/organisations";
import { DAY } from "@/db/generate/organisations";
import type { Random } from "@/db/generate/random";
import { TEMPLATES } from "@/db/generate/content";
import type { RevisionStatus } from "@/db/schema";
import type { SeedAction } from "@/db/seed/define";
import { slugify } from "@/lib/slug";

export interface PlannedRevision {
  id: string;
  number: number;
  status: RevisionStatus;
  createdAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  deciderId: string | null;
  /** « Enregistrer le brouillon » clicks before it was sent (one at least: its creation). */
  saves: number;
}

export interface PlannedAction {
  index: number;
  id: string;
  organisation: OrganisationPlan;
  template: SeedAction;
  enteredAt: number;
  archivedAt: number | null;
  sessions: number;
  revisions: PlannedRevision[];
}

/** Spreads a fractional average over items: 2.5 gives 2, 3, 2, 3… and exactly floor(n × 2.5) in all. */
export function spread(average: number, index: number): number {
  return Math.floor((index + 1) * average) - Math.floor(index * average);
}

function cumulative(weights: number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  weights.reduce((sum, w, i) => (sums[i] = sum + w), 0);
  return sums;
}

function drawIndex(sums: Float64Array, random: Random): number {
  const target = random.next() * sums[sums.length - 1]!;
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sums[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

const LAST_STATUSES: RevisionStatus[] = ["approved", "submitted", "draft", "rejected"];
const LAST_WEIGHTS = [68, 12, 12, 8];

/** Audit entries a planned action writes, before any extra draft saves. */
export function historyEntries(action: PlannedAction): number {
  return (
    1 +
    (action.archivedAt === null ? 0 : 1) +
    action.revisions.reduce((sum, r) => sum + r.saves + (r.submittedAt === null ? 0 : 1) + (r.decidedAt === null ? 0 : 1), 0)
  );
}

export function planActions(args: {
  random: Random;
  count: number;
  organisations: OrganisationPlan[];
  staffIds: string[];
  revisionsPerAction: number;
  sessionsPerAction: number;
  now: Date;
}): PlannedAction[] {
  const { random, count, organisations, staffIds } = args;
  if (organisations.length === 0 && count > 0) throw new Error("Actions need at least one organisation.");
  const now = args.now.getTime();
  // A few organisations run many courses, most run a handful.
  const sums = cumulative(organisations.map(() => 0.2 + random.next() ** 3 * 10));
  const slugs = new Set<string>();
  const planned: PlannedAction[] = [];

  for (let index = 0; index < count; index++) {
    const organisation = organisations[drawIndex(sums, random)]!;
    const template = random.pick(TEMPLATES[organisation.domain]);
    // The public address is the title's words and the id's first 8 characters: keep it unique.
    let id = random.uuid();
    while (slugs.has(`${slugify(template.content.title)}-${id.slice(0, 8)}`)) id = random.uuid();
    slugs.add(`${slugify(template.content.title)}-${id.slice(0, 8)}`);

    const start = Math.max(organisation.createdAt.getTime() + DAY, now - random.int(2, 900) * DAY - random.next() * DAY);
    const enteredAt = Math.min(start, now - random.next() * DAY);
    const revisionCount = Math.max(1, spread(args.revisionsPerAction, index));
    const cuts = Array.from({ length: revisionCount - 1 }, () => enteredAt + random.next() * (now - enteredAt)).sort((a, b) => a - b);
    const bounds = [enteredAt, ...cuts, now];
    const last = random.weighted(LAST_STATUSES, LAST_WEIGHTS);

    const revisions: PlannedRevision[] = bounds.slice(0, -1).map((from, k) => {
      const to = bounds[k + 1]!;
      const isLast = k === revisionCount - 1;
      const status: RevisionStatus = isLast ? last : random.chance(0.8) ? "approved" : "rejected";
      const revision: PlannedRevision = { id: random.uuid(), number: k + 1, status, createdAt: from, submittedAt: null, decidedAt: null, deciderId: null, saves: 1 };
      if (status === "draft") return revision;
      if (status === "submitted") {
        revision.submittedAt = Math.max(from + 0.1 * (to - from), to - (0.05 + random.next() * 45) * DAY);
        return revision;
      }
      revision.submittedAt = from + Math.min(0.5 * (to - from), (0.2 + random.next() * 20) * DAY);
      revision.decidedAt = revision.submittedAt + Math.min(0.9 * (to - revision.submittedAt), (0.1 + random.next() * 12) * DAY);
      revision.deciderId = random.pick(staffIds);
      return revision;
    });

    const lastRevision = revisions[revisions.length - 1]!;
    const archivedAt =
      lastRevision.status === "approved" && random.chance(0.03) ? lastRevision.decidedAt! + (now - lastRevision.decidedAt!) * (0.2 + random.next() * 0.7) : null;
    planned.push({ index, id, organisation, template, enteredAt, archivedAt, sessions: spread(args.sessionsPerAction, index), revisions });
  }
  return planned;
}

/**
 * Adds draft saves, on revisions drawn at random, until the history makes `target` entries.
 * Returns how many entries the history makes in the end (more than `target` when it already did).
 */
export function fillWithSaves(random: Random, actions: PlannedAction[], fixedEntries: number, target: number): number {
  const history = fixedEntries + actions.reduce((sum, action) => sum + historyEntries(action), 0);
  const revisions = actions.flatMap((action) => action.revisions);
  if (revisions.length === 0) return history;
  for (let extra = target - history; extra > 0; extra--) random.pick(revisions).saves += 1;
  return Math.max(history, target);
}
