import { cacheLife, cacheTag } from "next/cache";
import { listDiffusedActions } from "@/db/queries/catalogue";
import { CATALOGUE_TAG } from "@/lib/cache-tags";
import { ActionCardList } from "@/components/catalogue/action-card";

/** Public cache lifetime: refreshed by tag on approval, and never older than an hour. */
export const PUBLIC_CACHE_LIFE = { stale: 300, revalidate: 1800, expire: 3600 };

/**
 * The diffused actions of the given Paris day, cached: rendered on the first request after an
 * approval (which refreshes the tag) or after an hour, then served from the cache.
 */
export async function CachedCatalogue({ today, limit, empty }: { today: string; limit?: number; empty: string }) {
  "use cache";
  cacheTag(CATALOGUE_TAG);
  cacheLife(PUBLIC_CACHE_LIFE);
  const actions = await listDiffusedActions({ today, limit });
  return <ActionCardList actions={actions} today={today} empty={empty} />;
}
