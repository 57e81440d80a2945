import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { expect, test } from "./fixtures";
import { e2eServer } from "./server-config.mjs";

// Issue 10: a server error shows a French page without stack trace, SQL or submitted text, and
// the server writes it as one JSON line with the request id, without the submitted text either.
// The error is a real one, with nothing in the application to trigger it: the suite's build is
// started a second time against a PostgreSQL database that does not exist, so every query the
// pages make fails (on PostgreSQL, « database … does not exist »; with no PostgreSQL at all, the
// connection is refused — an error all the same).

const suite = e2eServer();
const logFile = resolve(suite.root, `.data/e2e-broken-db-${suite.port}.log`);
/** Text a visitor typed, which must appear neither on the error page nor in the log (in any case: the search lowers it). */
const SUBMITTED = "Recherche-confidentielle-7Q2X";
const SUBMITTED_WORDS = /confidentielle|7q2x/i;
let server: ChildProcess | undefined;
let baseURL = "";

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  rmSync(logFile, { force: true });
  const log = createWriteStream(logFile);
  const env = { ...suite.env, APP_URL: baseURL, DATABASE_URL: `postgres://postgres@127.0.0.1:5432/offre_formation_absente_${port}` };
  server = spawn(process.execPath, [resolve(suite.root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: suite.root, env });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).then((response) => response.status).catch(() => 0)) > 0, { timeout: 90_000, message: "the second server answers" })
    .toBe(true);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolveExit) => server!.once("exit", resolveExit));
    server.kill("SIGTERM");
    await exited;
  }
});

test("une erreur du serveur s’affiche en français, sans trace, SQL ni texte saisi, et le journal l’écrit en JSON avec l’identifiant de la requête", async ({ page }) => {
  const response = await page.goto(`${baseURL}/formations?q=${SUBMITTED}`);
  const requestId = response!.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  await expect(page.getByRole("heading", { name: "Une erreur est survenue" })).toBeVisible();
  await expect(page.getByText("Cette page n’a pas pu s’afficher.")).toBeVisible();
  const shown = await page.locator("body").innerText();
  expect(shown).not.toMatch(SUBMITTED_WORDS);
  expect(shown).not.toMatch(/\bselect\b|\bfrom\b.*"|Failed query|does not exist|ECONNREFUSED|\n\s+at |\.js:\d+|node_modules/i);

  // The server's log: what it printed for this request.
  await expect.poll(() => readFileSync(logFile, "utf8"), { message: "the failure is logged" }).toContain(requestId);
  const printed = readFileSync(logFile, "utf8");
  expect(printed).not.toMatch(SUBMITTED_WORDS);
  expect(printed).not.toMatch(/Failed query:|\bselect\b.*\bfrom\b|\n\s+at |params:/i);
  const lines = printed.split("\n").filter((line) => line.includes(requestId!));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const entry = JSON.parse(line) as { time: string; level: string; event: string; requestId: string };
    expect(entry).toMatchObject({ level: "error", requestId });
    expect(entry.event).toBeTruthy();
  }
  expect(lines.some((line) => (JSON.parse(line) as { event: string }).event === "request.failed")).toBe(true);
});
