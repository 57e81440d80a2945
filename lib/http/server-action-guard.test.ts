import { describe, expect, it } from "vitest";
import { MAX_ACTION_NESTING, nestingWithin, parseActionManifest, refuseStateChange, workerRoute } from "@/lib/http/server-action-guard";

const APPROVE = "7fd5f27e3173c4b98d93309d3549ad176b9d29709d";
const LOGIN = "6081db2545523beb9aeff967cfb86c9340e74eebb0";
const CACHED = "e0da0aa85dd96def79f79c62f710c08940e160ef05";
const SIGN_OUT = "00f7fde20942d0c2d2fee7a802c63f398414f67450";

const actions = parseActionManifest({
  node: {
    [APPROVE]: { exportedName: "approveSubmission", workers: { "app/(gestion)/gestion/validation/[revisionId]/page": {} } },
    [LOGIN]: { exportedName: "login", workers: { "app/(auth)/connexion/page": {} } },
    [CACHED]: { exportedName: "$$RSC_SERVER_CACHE_0", workers: { "app/(public)/formations/[slug]/page": {} } },
    [SIGN_OUT]: { exportedName: "$$RSC_SERVER_ACTION_0", workers: { "app/(public)/page": {}, "app/_not-found/page": {} } },
  },
});

const ORIGIN = "http://127.0.0.1:3000";

function post(pathname: string, { action, origin = ORIGIN, body = "[]", type = "text/plain;charset=UTF-8" }: { action?: string; origin?: string | null; body?: string | FormData; type?: string | null } = {}) {
  const headers = new Headers({ host: "127.0.0.1:3000" });
  if (origin) headers.set("origin", origin);
  if (action) headers.set("next-action", action);
  if (type && typeof body === "string") headers.set("content-type", type);
  const request = new Request(`${ORIGIN}${pathname}`, { method: "POST", headers, body });
  return refuseStateChange(request, pathname, actions);
}

describe("routes of a build's pages", () => {
  it("drop route groups and match dynamic segments", () => {
    expect(workerRoute("app/(gestion)/gestion/validation/[revisionId]/page").test("/gestion/validation/0b8e")).toBe(true);
    expect(workerRoute("app/(gestion)/gestion/validation/[revisionId]/page").test("/gestion/validation")).toBe(false);
    expect(workerRoute("app/(public)/page").test("/")).toBe(true);
    expect(workerRoute("app/(public)/page").test("/formations")).toBe(false);
    expect(workerRoute("app/docs/[...slug]/page").test("/docs/a/b")).toBe(true);
  });
});

describe("state-changing requests (finding 6)", () => {
  it("let a server action through from its own page, with a JSON body", async () => {
    expect(await post("/gestion/validation/0b8e5c1e", { action: APPROVE, body: '[{"revisionId":"x"}]' })).toBeNull();
    expect(await post("/connexion", { action: LOGIN, body: new FormData(), type: null })).toBeNull();
    expect(await post("/page-inconnue", { action: SIGN_OUT })).toBeNull();
  });

  it("refuse a POST from another site, or without an Origin, with a 403", async () => {
    expect(await post("/connexion", { action: LOGIN, origin: "https://evil.example" })).toMatchObject({ status: 403 });
    expect(await post("/connexion", { action: LOGIN, origin: null })).toMatchObject({ status: 403 });
  });

  it("refuse an action replayed against another page, an unknown id and a cached function, with a 404", async () => {
    expect(await post("/", { action: APPROVE })).toMatchObject({ status: 404 });
    expect(await post("/", { action: "7f0000000000000000000000000000000000000000" })).toMatchObject({ status: 404 });
    expect(await post("/formations/peintre", { action: CACHED, body: '["2020-01-01"]' })).toMatchObject({ status: 404 });
    expect(await post("/", { action: "../../etc" })).toMatchObject({ status: 404 });
  });

  it("find the action a form posted without JavaScript names", async () => {
    const form = new FormData();
    form.set("$ACTION_REF_1", "");
    form.set("$ACTION_1:0", JSON.stringify({ id: APPROVE, bound: "$@1" }));
    expect(await post("/", { body: form, type: null })).toMatchObject({ status: 404 });
    const plain = new FormData();
    plain.set(`$ACTION_ID_${APPROVE}`, "");
    expect(await post("/", { body: plain, type: null })).toMatchObject({ status: 404 });
  });

  it("refuse a body that is not JSON, or nested deeper than any form, with a 400", async () => {
    expect(await post("/connexion", { action: LOGIN, body: "not json{" })).toMatchObject({ status: 400 });
    expect(await post("/connexion", { action: LOGIN, body: "[".repeat(5000) + "]".repeat(5000) })).toMatchObject({ status: 400 });
    expect(await post("/connexion", { action: LOGIN, body: "[".repeat(MAX_ACTION_NESTING) + "]".repeat(MAX_ACTION_NESTING) })).toBeNull();
    expect(nestingWithin('["[[[[", {"a": "]]]"}]', 2)).toBe(true);
  });

  it("on API routes, refuse only a foreign Origin (Auth.js and cron calls carry none)", async () => {
    expect(await post("/api/auth/callback/credentials", { origin: null, type: "application/x-www-form-urlencoded" })).toBeNull();
    expect(await post("/api/cron/refresh-cache", { origin: "https://evil.example" })).toMatchObject({ status: 403 });
    expect(await post("/api/auth/signout", { origin: ORIGIN })).toBeNull();
  });
});
