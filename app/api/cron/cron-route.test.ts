// The cron routes: only `Authorization: Bearer $CRON_SECRET` runs a job; the run is recorded and
// the pages it changed are refreshed. Against the real database.

import { databaseFingerprint, revalidateTagMock } from "@/app/test-utils/server-action-harness";
import { desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as withdrawSessions } from "@/app/api/cron/withdraw-sessions/route";
import { POST as refreshCache } from "@/app/api/cron/refresh-cache/route";
import { getDb } from "@/db";
import { jobRuns } from "@/db/schema";

const SECRET = "cron-secret-for-tests-0123456789";
const request = (authorization?: string, init: { method?: string; body?: string } = {}) =>
  new NextRequest("http://localhost/api/cron/withdraw-sessions", { ...init, headers: authorization ? { authorization } : {} });

beforeEach(() => {
  process.env.CRON_SECRET = SECRET;
});
afterEach(() => {
  delete process.env.CRON_SECRET;
});

describe("cron routes", () => {
  it.each([undefined, "Bearer wrong-secret", `Basic ${SECRET}`, `Bearer ${SECRET}x`])("refuse %s with 401 and run nothing", async (authorization) => {
    const before = await databaseFingerprint();
    const response = await withdrawSessions(request(authorization));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Non autorisé." });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuse everything when no secret is configured", async () => {
    delete process.env.CRON_SECRET;
    expect((await withdrawSessions(request("Bearer undefined"))).status).toBe(401);
    expect((await withdrawSessions(request("Bearer "))).status).toBe(401);
  });

  it("run the job with the right secret and record the run", async () => {
    const response = await withdrawSessions(request(`Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ job: "withdraw-sessions", status: "succeeded", counts: { sessionsWithdrawn: expect.any(Number) } });
    const db = await getDb();
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.job, "withdraw-sessions")).orderBy(desc(jobRuns.id)).limit(1);
    expect(run).toMatchObject({ id: body.runId, trigger: "cron", status: "succeeded" });
  });

  it("refresh only the public pages' tags, with the secret", async () => {
    const post = (authorization: string | undefined, tags: unknown) =>
      refreshCache(request(authorization, { method: "POST", body: JSON.stringify({ tags }) }));
    expect((await post(undefined, ["catalogue"])).status).toBe(401);
    expect((await post(`Bearer ${SECRET}`, ["catalogue", "user:x"])).status).toBe(400);
    expect((await post(`Bearer ${SECRET}`, ["catalogue"])).status).toBe(200);
    expect(revalidateTagMock).toHaveBeenCalledWith("catalogue", { expire: 0 });
  });
});
