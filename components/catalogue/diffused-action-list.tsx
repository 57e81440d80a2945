import { ActionCardList } from "@/components/catalogue/action-card";
import { loadDiffusedActions } from "@/components/catalogue/cached-reads";

/** Today's diffused actions as cards, soonest session first (cached: see cached-reads.ts). */
export async function DiffusedActionList({ limit, empty }: { limit: number; empty: string }) {
  const list = await loadDiffusedActions(limit);
  return <ActionCardList actions={list?.actions ?? []} today={list?.today ?? ""} empty={empty} />;
}
