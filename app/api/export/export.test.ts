// The transmission routes: only a configured Bearer token gets the feed; each call is recorded
// with the token's name and what was sent; the document streamed is valid against the schema.

import { databaseFingerprint } from "@/app/test-utils/server-action-harness";
import { desc } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as lheoFeed } from "@/app/api/export/lheo.xml/route";
import { GET as removedFeed } from "@/app/api/export/removed.json/route";
import { getDb } from "@/db";
import { exportTransmissions } from "@/db/schema";
import { actionContent, createProviderAndStaff, publishAction } from "@/db/test-utils/fixtures";
import { feedContents } from "@/db/test-utils/lheo-feed";
import { validateLheo } from "@/lib/lheo/xmllint";

const FT = "france-travail-token-0123456789abcdef";
const RECETTE = "recette-token-0123456789abcdefghij";

const request = (path: string, authorization?: string) =>
  new NextRequest(`http://localhost${path}`, { headers: authorization ? { authorization } : {} });

async function lastTransmission() {
  const db = await getDb();
  const [row] = await db.select().from(exportTransmissions).orderBy(desc(exportTransmissions.id)).limit(1);
  return row;
}

beforeEach(() => {
  process.env.EXPORT_TOKENS = `france-travail:${FT},recette:${RECETTE}`;
});
afterEach(() => {
  delete process.env.EXPORT_TOKENS;
  delete process.env.EXPORT_TOKEN;
});

describe("GET /api/export/lheo.xml", () => {
  it.each([undefined, "Bearer wrong-token-0123456789abcdefgh", `Basic ${FT}`, `Bearer ${FT}x`, `Bearer ${FT.slice(0, -1)}`])(
    "refuses %s with 401 and records nothing",
    async (authorization) => {
      const before = await databaseFingerprint();
      const response = await lheoFeed(request("/api/export/lheo.xml", authorization));
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ error: "Non autorisé." });
      expect(await databaseFingerprint()).toEqual(before);
    },
  );

  it("refuses everything when no token is configured", async () => {
    delete process.env.EXPORT_TOKENS;
    expect((await lheoFeed(request("/api/export/lheo.xml", "Bearer "))).status).toBe(401);
    expect((await lheoFeed(request("/api/export/lheo.xml", "Bearer undefined"))).status).toBe(401);
  });

  it("streams the diffused offer as a valid LHÉO 2.3 document and records the transmission under the token's name", async () => {
    const people = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content: actionContent() });

    const response = await lheoFeed(request("/api/export/lheo.xml", `Bearer ${RECETTE}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="http://lheo.gouv.fr/2.3">\n<offres>')).toBe(true);
    const { valid, errors } = validateLheo(xml);
    expect(valid, errors).toBe(true);
    const feed = feedContents(xml);
    expect(feed.actions).toContain(actionId);

    expect(await lastTransmission()).toMatchObject({ feed: "lheo", tokenName: "recette", status: "complete", since: null, formations: feed.actions.size, sessions: feed.sessions.size });
  });

  it("accepts the single EXPORT_TOKEN, named « default »", async () => {
    delete process.env.EXPORT_TOKENS;
    process.env.EXPORT_TOKEN = FT;
    const response = await lheoFeed(request("/api/export/lheo.xml?since=2099-12-31", `Bearer ${FT}`));
    // Nothing changed since then: LHÉO cannot express an empty offer.
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await lastTransmission()).toMatchObject({ tokenName: "default", since: "2099-12-31", status: "complete", formations: 0 });
  });

  it("records a transmission the receiver broke off as interrupted", async () => {
    const people = await createProviderAndStaff();
    await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor });
    const response = await lheoFeed(request("/api/export/lheo.xml", `Bearer ${FT}`));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await lastTransmission()).toMatchObject({ tokenName: "france-travail", status: "interrupted" });
  });

  it("says what is wrong with a malformed since", async () => {
    const response = await lheoFeed(request("/api/export/lheo.xml?since=27/11/2026", `Bearer ${FT}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Le paramètre since doit être une date au format AAAA-MM-JJ." });
  });
});

describe("GET /api/export/removed.json", () => {
  it("needs the token and a since date", async () => {
    expect((await removedFeed(request("/api/export/removed.json?since=2026-01-01"))).status).toBe(401);
    const missing = await removedFeed(request("/api/export/removed.json", `Bearer ${FT}`));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "Indiquez la date de la dernière transmission : ?since=AAAA-MM-JJ." });
  });

  it("answers the list and records the call", async () => {
    const response = await removedFeed(request("/api/export/removed.json?since=2026-01-01", `Bearer ${FT}`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ since: "2026-01-01", removed: expect.any(Array) });
    expect(await lastTransmission()).toMatchObject({ feed: "removed", tokenName: "france-travail", status: "complete", removed: body.removed.length });
  });
});
