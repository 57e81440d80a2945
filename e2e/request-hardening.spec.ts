import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { accounts } from "./accounts";
import { expect, signInOverHttp, test } from "./fixtures";
import { e2eServer } from "./server-config.mjs";

// Issue 10, findings 6 and 8, played as the probe played them, with raw requests: each gets a
// clean 4xx, and the server prints nothing alarming meanwhile; the login never redirects to a
// host named by X-Forwarded-Host.

const server = e2eServer();
// (In production an error Next prints becomes a « server.error » JSON line: lib/logger.ts.)
const ALARMING = /uncaughtException|unhandledRejection|Error: aborted|⨯|"server\.error"|"request\.failed"|Failed to find Server Action|Invalid Server Actions request|RangeError|SyntaxError/;

/** The id of a server action of this build, by its exported name. */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(resolve(server.root, server.distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  expect(found, `server action ${name}`).toBeTruthy();
  return found![0];
}

/** What the server printed since `from` (a byte offset of its log). */
const logSince = (from: number) => readFileSync(server.logFile, "utf8").slice(from);
const logSize = () => statSync(server.logFile).size;

function postAction(request: APIRequestContext, path: string, id: string, { origin = server.baseURL, data = "[]" }: { origin?: string; data?: string } = {}) {
  return request.post(path, { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: origin }, data, maxRedirects: 0 });
}

test("les appels d’action forgés reçoivent un 4xx propre, sans rien d’alarmant dans le journal du serveur", async ({ browser, baseURL }) => {
  const start = logSize();
  const context = await browser.newContext({ baseURL });
  await signInOverHttp(context, baseURL!, accounts.provider);
  const request = context.request;
  const approve = actionId("approveSubmission");
  const login = actionId("login");

  // A provider replaying staff's « Valider » against the home page.
  expect((await postAction(request, "/", approve, { data: '[{"revisionId":"00000000-0000-4000-8000-000000000000","formacodes":["42093"]}]' })).status()).toBe(404);
  // An id this build does not know, and a cached function's id (finding 1: never callable from outside).
  expect((await postAction(request, "/", "7f0000000000000000000000000000000000000000")).status()).toBe(404);
  const cached = Object.entries(
    JSON.parse(readFileSync(resolve(server.root, server.distDir, "server/server-reference-manifest.json"), "utf8")).node as Record<string, { exportedName?: string }>,
  ).find(([, entry]) => entry.exportedName?.startsWith("$$RSC_SERVER_CACHE"));
  if (cached) expect((await postAction(request, "/formations", cached[0], { data: '["2020-01-01"]' })).status()).toBe(404);
  // Another site posting to a server action.
  expect((await postAction(request, "/connexion", login, { origin: "https://evil.example" })).status()).toBe(403);
  // Malformed bodies: not JSON, and 5,000 levels deep.
  expect((await postAction(request, "/connexion", login, { data: "not json{" })).status()).toBe(400);
  expect((await postAction(request, "/connexion", login, { data: "[".repeat(5000) + "]".repeat(5000) })).status()).toBe(400);
  // An address Next cannot decode.
  expect((await request.get("/formations/x-%")).status()).toBe(404);
  await context.close();

  await new Promise((resolveWait) => setTimeout(resolveWait, 1000));
  expect(logSince(start)).not.toMatch(ALARMING);
});

test("une connexion avec X-Forwarded-Host: evil.example ne renvoie jamais vers ce domaine", async ({ request }) => {
  const page = await (await request.get("/connexion")).text();
  const unescape = (text: string) => text.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const hidden = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [name!, unescape(value ?? "")]));
  expect(Object.keys(hidden).some((name) => name.startsWith("$ACTION_"))).toBe(true);
  const form = { ...hidden, identifier: accounts.otherProvider.identifier, password: accounts.otherProvider.password };

  // The login form posted from the real site, through a proxy that would pass a forged host on.
  const sameSite = await request.post("/connexion", { multipart: form, headers: { Origin: server.baseURL, "X-Forwarded-Host": "evil.example" }, maxRedirects: 0 });
  expect(sameSite.status()).toBe(303);
  expect(sameSite.headers()["location"]).not.toContain("evil.example");
  expect(new URL(sameSite.headers()["location"]!, server.baseURL).host).toBe(new URL(server.baseURL).host);

  // The same request claiming to come from evil.example is refused outright.
  const forged = await request.post("/connexion", { multipart: form, headers: { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["location"]).toBeUndefined();

  // Auth.js's own endpoint.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const callback = await request.post("/api/auth/callback/credentials", {
    form: { identifier: accounts.otherProvider.identifier, password: accounts.otherProvider.password, csrfToken, callbackUrl: "/mon-espace" },
    headers: { "X-Forwarded-Host": "evil.example" },
    maxRedirects: 0,
  });
  expect(callback.headers()["location"] ?? "").not.toContain("evil.example");
});

test("les routes de tâches planifiées refusent un secret faux, et les routes d’API un autre site", async ({ request }) => {
  expect((await request.get("/api/cron/send-mail", { headers: { Authorization: "Bearer faux" } })).status()).toBe(401);
  expect((await request.post("/api/cron/refresh-cache", { headers: { Origin: "https://evil.example" }, data: {} })).status()).toBe(403);
  expect((await request.post("/api/health", { headers: { Origin: "https://evil.example" } })).status()).toBe(403);
});
