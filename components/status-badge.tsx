import type { RevisionStatus } from "@/db/schema";

export const STATUS_LABELS: Record<RevisionStatus, string> = {
  draft: "Brouillon",
  submitted: "En attente de validation",
  approved: "Publiée",
  rejected: "Refusée",
};

const tones: Record<RevisionStatus, string> = {
  draft: "bg-slate-100 text-slate-800",
  submitted: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
};

export function StatusBadge({ status }: { status: RevisionStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tones[status]}`}>{STATUS_LABELS[status]}</span>;
}
