// A transmission whose reading fails before the first byte is recorded as failed, never left
// « running »; and one the platform cut short (still running past the route's time limit) reads
// as stopped on the staff page.

import "@/app/test-utils/server-action-harness";
import { desc } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as lheoFeed, maxDuration } from "@/app/api/export/lheo.xml/route";
import { getDb } from "@/db";
import { TRANSMISSION_TIME_LIMIT_S, transmissionState } from "@/db/queries/transmissions";
import { exportTransmissions } from "@/db/schema";

vi.mock("@/db/queries/export", () => ({
  openLheoDocument: () => Promise.reject(new Error("canceling statement due to statement timeout")),
}));

const TOKEN = "france-travail-token-0123456789abcdef";

beforeEach(() => {
  process.env.EXPORT_TOKENS = `france-travail:${TOKEN}`;
});
afterEach(() => {
  delete process.env.EXPORT_TOKENS;
});

describe("a failed LHÉO transmission", () => {
  it("is recorded as failed when the first reading fails", async () => {
    const call = lheoFeed(new NextRequest("http://localhost/api/export/lheo.xml", { headers: { authorization: `Bearer ${TOKEN}` } }));
    await expect(call).rejects.toThrow("statement timeout");
    const db = await getDb();
    const [row] = await db.select().from(exportTransmissions).orderBy(desc(exportTransmissions.id)).limit(1);
    expect(row).toMatchObject({ feed: "lheo", tokenName: "france-travail", status: "failed", finishedAt: expect.any(Date) });
  });

  it("still running past the route's time limit on Vercel reads as cut short", () => {
    expect(maxDuration).toBe(TRANSMISSION_TIME_LIMIT_S);
    const startedAt = new Date("2026-11-28T10:00:00Z");
    const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
    expect(transmissionState({ status: "running", startedAt }, at(TRANSMISSION_TIME_LIMIT_S - 1), true)).toBe("running");
    expect(transmissionState({ status: "running", startedAt }, at(TRANSMISSION_TIME_LIMIT_S + 1), true)).toBe("cut");
    expect(transmissionState({ status: "complete", startedAt }, at(TRANSMISSION_TIME_LIMIT_S * 10), true)).toBe("complete");
    // Self-hosted, nothing cuts a long transmission: still running is running.
    expect(transmissionState({ status: "running", startedAt }, at(TRANSMISSION_TIME_LIMIT_S * 10), false)).toBe("running");
  });
});
