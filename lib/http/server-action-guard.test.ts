import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY, MAX_ACTION_NESTING, nestingWithin, parseActionManifest, refuseStateChange, workerRoute } from "@/lib/http/server-action-guard";
import nextConfig from "@/next.config";

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

  it("check every action such a form names, whatever the suffix of its fields, as React reads the last one", async () => {
    // A bound action under another suffix than React's own digits.
    const suffix = new FormData();
    suffix.set("$ACTION_REF_x", "");
    suffix.set("$ACTION_x:0", JSON.stringify({ id: CACHED, bound: ["2020-01-01"] }));
    expect(await post("/formations/peintre", { body: suffix, type: null })).toMatchObject({ status: 404 });
    // An allowed action first, a cached function after it: React calls the last one.
    const smuggled = new FormData();
    smuggled.set(`$ACTION_ID_${SIGN_OUT}`, "");
    smuggled.set("$ACTION_REF_1", "");
    smuggled.set("$ACTION_1:0", JSON.stringify({ id: CACHED, bound: "$@1" }));
    smuggled.set("$ACTION_1:1", '["2020-01-01"]');
    expect(await post("/formations/peintre", { body: smuggled, type: null })).toMatchObject({ status: 404 });
    // Two descriptors for one reference, or one that is not JSON: no telling which one runs.
    const twice = new FormData();
    twice.set("$ACTION_REF_1", "");
    twice.append("$ACTION_1:0", JSON.stringify({ id: SIGN_OUT, bound: null }));
    twice.append("$ACTION_1:0", JSON.stringify({ id: CACHED, bound: null }));
    expect(await post("/", { body: twice, type: null })).toMatchObject({ status: 404 });
    const broken = new FormData();
    broken.set("$ACTION_REF_1", "");
    broken.set("$ACTION_1:0", "not json{");
    expect(await post("/", { body: broken, type: null })).toMatchObject({ status: 404 });
  });

  it("let the forms of this site through without JavaScript, and refuse a malformed bound argument with a 400", async () => {
    const plain = new FormData();
    plain.set(`$ACTION_ID_${SIGN_OUT}`, "");
    plain.set("email", "not json{");
    expect(await post("/", { body: plain, type: null })).toBeNull();
    const bound = new FormData();
    bound.set("$ACTION_REF_1", "");
    bound.set("$ACTION_1:0", JSON.stringify({ id: LOGIN, bound: "$@1" }));
    bound.set("$ACTION_1:1", '[{"next":"/"}]');
    bound.set("$ACTION_KEY", "k0");
    bound.set("identifiant", "[[[[");
    expect(await post("/connexion", { body: bound, type: null })).toBeNull();
    bound.set("$ACTION_1:1", "[".repeat(5000) + "]".repeat(5000));
    expect(await post("/connexion", { body: bound, type: null })).toMatchObject({ status: 400 });
    // A form that names no action is no server action.
    const other = new FormData();
    other.set("$ACTION_1:0", JSON.stringify({ id: CACHED }));
    expect(await post("/", { body: other, type: null })).toBeNull();
  });

  it("refuse a multipart call whose fields are not JSON, or nested deeper than any form, with a 400", async () => {
    const call = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return post("/connexion", { action: LOGIN, body: form, type: null });
    };
    expect(await call({ "0": "[".repeat(5000) + "]".repeat(5000) })).toMatchObject({ status: 400 });
    expect(await call({ "0": "not json{" })).toMatchObject({ status: 400 });
    expect(await call({ "0": '["$K1"]', "1": "{" })).toMatchObject({ status: 400 });
    expect(await call({ "0": '["$R1"]', S1: "C" + "[".repeat(100) + "]".repeat(100) })).toMatchObject({ status: 400 });
    // What React sends for a form: its entries as they are, files as files.
    expect(
      await call({ "0": '["$undefined","$K1"]', _1_identifiant: "not json{", _1_motDePasse: "[".repeat(100), _1_fichier: new File(["{"], "offre.xml"), S2: "C", "3": new Blob(["{"]) }),
    ).toBeNull();
    expect(await call({ "0": "[".repeat(MAX_ACTION_NESTING) + "]".repeat(MAX_ACTION_NESTING) })).toBeNull();
  });

  it("read bodies up to Next's own limit for server actions", async () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${MAX_ACTION_BODY / 1024 / 1024}mb`);
    expect(await post("/connexion", { action: LOGIN, body: `["${"a".repeat(MAX_ACTION_BODY)}"]` })).toMatchObject({ status: 400 });
    expect(await post("/connexion", { action: LOGIN, body: `["${"a".repeat(2 * 1024 * 1024)}"]` })).toBeNull();
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
