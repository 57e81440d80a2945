// Issue 10, the authorization matrix for what is not a server action: every route handler and
// every 'use cache' function found in the source is declared in lib/auth/permissions.ts, and is
// called as anonymous, a disabled user, a provider of another organisation, the provider of the
// right organisation, staff and an administrator. A refused request answers 401 or 403 and writes
// nothing; a public read writes nothing and does not depend on who asks.

import { databaseFingerprint, signInAs } from "@/app/test-utils/server-action-harness";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALLERS, scene, userOf, type Caller } from "@/app/test-utils/matrix-scene";
import { cachedFunctions, exportedFunctionNames, routeHandlers } from "@/app/test-utils/source-scan";
import { CACHED_FUNCTIONS, ROUTE_HANDLERS, type RouteAccess } from "@/lib/auth/permissions";

const CRON_SECRET = "cron-secret-for-the-matrix-0123456789";
const EXPORT_TOKEN = "export-token-for-the-matrix-0123456789";

beforeEach(() => {
  process.env.CRON_SECRET = CRON_SECRET;
  process.env.EXPORT_TOKENS = `matrice:${EXPORT_TOKEN}`;
});
afterEach(() => {
  delete process.env.CRON_SECRET;
  delete process.env.EXPORT_TOKENS;
});

type Handler = (request: NextRequest) => Promise<Response>;

/** « app/(gestion)/gestion/journal/export.csv/route.ts » is served at « /gestion/journal/export.csv ». */
function pathOf(file: string): string {
  return file.replace(/^app/, "").replace(/\/\([^)]*\)/g, "").replace(/\/route\.tsx?$/, "");
}

async function send(file: string, method: string, authorization?: string): Promise<Response> {
  const handlers = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, Handler>;
  const body = method === "POST" ? JSON.stringify({ tags: ["catalogue"] }) : undefined;
  const request = new NextRequest(`http://localhost${pathOf(file)}?q=Nan&since=2020-01-01`, { method, body, headers: authorization ? { authorization } : {} });
  const response = await handlers[method]!(request);
  await response.text(); // streamed answers finish (and record themselves) once read
  return response;
}

const secretOf = (access: RouteAccess) => (access.caller === "cron-secret" ? `Bearer ${CRON_SECRET}` : access.caller === "export-token" ? `Bearer ${EXPORT_TOKEN}` : undefined);

describe("every route handler is declared", () => {
  it("each method of each route.ts, and nothing more", () => {
    const found = Object.fromEntries(routeHandlers().map(({ file, methods }) => [file, methods]));
    const declared = Object.fromEntries(Object.entries(ROUTE_HANDLERS).map(([file, methods]) => [file, Object.keys(methods).sort()]));
    expect(found, "declare new route handlers in lib/auth/permissions.ts").toEqual(declared);
  });

  it("state-changing methods other than the scheduled jobs' GET are POST only", () => {
    for (const [file, methods] of Object.entries(ROUTE_HANDLERS)) {
      for (const [method, access] of Object.entries(methods)) {
        if (access.changesState && method !== "POST") expect(["cron-secret", "export-token", "auth.js"], `${method} ${file}`).toContain(access.caller);
      }
    }
  });
});

const routeCases = Object.entries(ROUTE_HANDLERS).flatMap(([file, methods]) =>
  Object.entries(methods)
    .filter(([, access]) => access.caller !== "auth.js")
    .map(([method, access]) => [`${method} ${pathOf(file)}`, file, method, access] as const),
);

describe.each(routeCases)("%s", (_, file, method, access) => {
  it(`as each caller (${access.caller})`, async () => {
    const s = await scene();
    for (const caller of CALLERS) {
      signInAs(userOf(s, caller));
      const before = await databaseFingerprint();
      const response = await send(file, method);
      const context = `${method} ${file} as ${caller}: ${response.status}`;
      if (access.caller === "anyone") expect(response.status, context).toBeLessThan(400);
      else if (access.caller === "session" && access.roles.includes(caller as never)) expect(response.status, context).toBe(200);
      else expect([401, 403], context).toContain(response.status);
      if (!access.changesState || response.status >= 400) expect(await databaseFingerprint(), context).toEqual(before);
    }
    const secret = secretOf(access);
    if (secret) {
      signInAs(null);
      expect((await send(file, method, secret)).status).toBeLessThan(300);
    }
  }, 120_000);
});

describe("every cached function is declared and answers every caller alike", () => {
  it("the 'use cache' functions of the source are those declared", () => {
    const found: Record<string, string[]> = {};
    for (const f of cachedFunctions()) (found[f.file] ??= []).push(f.name);
    expect(found, "declare new cached functions in lib/auth/permissions.ts").toEqual(
      Object.fromEntries(Object.entries(CACHED_FUNCTIONS).map(([file, names]) => [file, [...names]])),
    );
    for (const [file, names] of Object.entries(CACHED_FUNCTIONS)) expect(exportedFunctionNames(file)).toEqual(expect.arrayContaining([...names]));
  });

  it.each(Object.entries(CACHED_FUNCTIONS))("%s", async (file, names) => {
    const s = await scene();
    const handlers = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of names) {
      const answers = new Map<Caller, string>();
      for (const caller of CALLERS) {
        signInAs(userOf(s, caller));
        const before = await databaseFingerprint();
        answers.set(caller, JSON.stringify(await handlers[name]!(50)));
        expect(await databaseFingerprint(), `${name} as ${caller}`).toEqual(before);
      }
      expect(new Set(answers.values()).size, `${name} answers the same to everyone`).toBe(1);
    }
  }, 120_000);
});
