import { createHash, timingSafeEqual } from "node:crypto";

/**
 * True when the request carries `Authorization: Bearer <secret>`. Compared in constant time (on
 * digests, so that the length of the secret does not show either); always false without a secret.
 */
export function isAuthorizedBearer(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}

const TAG = /^(catalogue|(action|organisation):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The most tags one call to /api/cron/refresh-cache may name. */
export const REFRESH_TAGS_MAX = 10_000;

/**
 * The tags to send for a job's changes: the tags themselves, or only the catalogue's when they are
 * more than one call may name (every public page carries it: all are refreshed).
 */
export function refreshTagsFor(tags: string[]): string[] {
  return tags.length > REFRESH_TAGS_MAX ? ["catalogue"] : tags;
}

/** The cache tags a caller may ask to refresh: the catalogue, an action, an organisation. */
export function isCacheTag(tag: unknown): tag is string {
  return typeof tag === "string" && TAG.test(tag);
}
