import { describe, expect, it } from "vitest";
import { isAuthorizedBearer, isCacheTag, REFRESH_TAGS_MAX, refreshTagsFor } from "@/lib/cron";

describe("cron secret", () => {
  it("accepts only the exact bearer secret", () => {
    expect(isAuthorizedBearer("Bearer s3cret-value", "s3cret-value")).toBe(true);
    expect(isAuthorizedBearer("Bearer s3cret-valuE", "s3cret-value")).toBe(false);
    expect(isAuthorizedBearer("s3cret-value", "s3cret-value")).toBe(false);
    expect(isAuthorizedBearer("Bearer ", "")).toBe(false);
    expect(isAuthorizedBearer(null, "s3cret-value")).toBe(false);
    expect(isAuthorizedBearer("Bearer undefined", undefined)).toBe(false);
  });

  it("knows the cache tags of the public pages, and nothing else", () => {
    expect(isCacheTag("catalogue")).toBe(true);
    expect(isCacheTag("action:0d7f7d54-2b8e-4d43-9a53-5b5b2c4a1e10")).toBe(true);
    expect(isCacheTag("organisation:0d7f7d54-2b8e-4d43-9a53-5b5b2c4a1e10")).toBe(true);
    for (const tag of ["", "action:x", "user:0d7f7d54-2b8e-4d43-9a53-5b5b2c4a1e10", 12, null]) expect(isCacheTag(tag)).toBe(false);
  });

  it("sends only the catalogue's tag when a job changed more than one call may name", () => {
    const tags = ["catalogue", ...Array.from({ length: REFRESH_TAGS_MAX }, (_, i) => `action:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`)];
    expect(refreshTagsFor(tags)).toEqual(["catalogue"]);
    expect(refreshTagsFor(tags.slice(0, 3))).toEqual(tags.slice(0, 3));
  });
});
