// npm run bench:public [-- --size small] [--rounds N] [--seconds S] [--concurrency C] [--skip-build] [--keep]
//
// Are the public pages served as cached HTML? Builds the app into its own dist dir (.next-bench),
// writes a generated data set (db/generate/) into a fresh PGlite directory, starts `next start`
// on it, and measures requests per second and p99 latency of an action page, an organisation
// page (the median one by size, and the heaviest) and the home page against a page with no data
// of the same build, cached whole like them (/acces-refuse): each page in pairs with the
// reference, measured one beside the other, in turn first, after one untimed load of each. Prints
// each page's median ratio to the reference. Target: ≥ 0.9 for the action page and the
// organisation pages (they list their actions by pages of 20, so the heaviest weighs about what
// the median one does; its second page is measured too when it has one). Also prints each page's
// weight, the client JavaScript it loads beyond the reference's, and whether the build touched
// the database (it must not). Requests ask for no compression, so the figures leave out the gzip
// that `next start` would do again on every answer, a cost that grows with the page's weight.
//
// The pages measured are picked from the app's own sitemap.xml (so by its diffusion rule); each
// is requested once before measuring, as a first visitor would. Sizes: full = 5 000 actions,
// small = 200 actions and shorter rounds, for CI (a few minutes, most of it the build).

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "full" },
    rounds: { type: "string" },
    seconds: { type: "string" },
    concurrency: { type: "string", default: "8" },
    port: { type: "string", default: "3125" },
    "skip-build": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const SIZES = {
  full: { actions: 5000, rounds: 8, seconds: 2 },
  small: { actions: 200, rounds: 4, seconds: 1 },
} as const;
if (values.size !== "full" && values.size !== "small") {
  console.error(`--size must be full or small, not « ${values.size} ».`);
  process.exit(2);
}
const size = SIZES[values.size];
const rounds = values.rounds ? Number(values.rounds) : size.rounds;
const seconds = values.seconds ? Number(values.seconds) : size.seconds;
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const root = path.resolve(import.meta.dirname, "../..");
const distDir = ".next-bench";
const base = `http://127.0.0.1:${port}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function get(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      })
      .on("error", reject);
  });
}

async function waitForServer(server: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await get(`${base}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within a minute");
}

/**
 * One request whose body is read off the socket and dropped: the load loops need only the status,
 * and decoding 40 KB per answer in this process would take CPU the server shares on this machine.
 */
function hit(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Requests `url` from `concurrency` loops for `seconds`; every answer must be a 200. */
async function load(url: string) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const status = await hit(url);
        if (status !== 200) throw new Error(`${url} answered ${status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p99: latencies[Math.min(latencies.length - 1, Math.ceil(0.99 * latencies.length) - 1)]! };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The bytes of the scripts a page loads (its <script src>), by address. */
async function scripts(pathname: string): Promise<Map<string, number>> {
  const { body } = await get(`${base}${pathname}`);
  const sources = [...body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const sizes = new Map<string, number>();
  for (const src of sources) sizes.set(src, Buffer.byteLength((await get(new URL(src, base).href)).body));
  return sizes;
}

const dataDir = await mkdtemp(path.join(tmpdir(), "bench-public-"));
// The build gets a directory that does not exist: it must still not exist afterwards.
const buildProbeDir = path.join(dataDir, "build-must-not-open");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir };
delete env.DATABASE_URL;
let server: ChildProcess | null = null;
try {
  if (!values["skip-build"]) {
    console.log(`Building into ${distDir} (no database)…`);
    const started = performance.now();
    // `next build` adds its dist dir's types to tsconfig.json: put the file back as it was.
    const tsconfig = await readFile(path.join(root, "tsconfig.json"), "utf8");
    try {
      await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...env, PGLITE_DIR: buildProbeDir });
    } finally {
      await writeFile(path.join(root, "tsconfig.json"), tsconfig);
    }
    console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s; the build ${existsSync(buildProbeDir) ? "OPENED the database" : "did not open any database"}`);
  }
  const pgliteDir = path.join(dataDir, "pglite");
  console.log(`Generating ${size.actions} actions into ${pgliteDir}…`);
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts", "--pglite-dir", pgliteDir, "--migrate", "--actions", String(size.actions)], env);

  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", PGLITE_DIR: pgliteDir, AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", APP_URL: base },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForServer(server);

  // Pages picked by the app's own rule: from its sitemap.
  const sitemap = (await get(`${base}/sitemap.xml`)).body;
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const actionPaths = locs.filter((p) => p.startsWith("/formations/"));
  const organisationPaths = locs.filter((p) => p.startsWith("/organismes/"));
  if (actionPaths.length === 0 || organisationPaths.length === 0) throw new Error("The sitemap lists no action or no organisation.");
  // Organisation pages list up to 20 actions, so their weight varies a little: measure the median
  // one and the heaviest, found by their size, and the heaviest's second page if it has one.
  const organisationSizes: { path: string; bytes: number }[] = [];
  for (const p of organisationPaths) organisationSizes.push({ path: p, bytes: Buffer.byteLength((await get(`${base}${p}`)).body) });
  organisationSizes.sort((a, b) => a.bytes - b.bytes);
  const medianOrganisation = organisationSizes[Math.floor(organisationSizes.length / 2)]!;
  const heaviestOrganisation = organisationSizes.at(-1)!;
  const secondPage = `${heaviestOrganisation.path}/page/2`;
  const hasSecondPage = (await get(`${base}${secondPage}`)).status === 200;
  const pages = [
    { name: "reference: /acces-refuse (cached)", path: "/acces-refuse", target: false },
    { name: "action page", path: actionPaths[Math.floor(actionPaths.length / 2)]!, target: true },
    { name: "organisation page (median size)", path: medianOrganisation.path, target: true },
    { name: "organisation page (heaviest)", path: heaviestOrganisation.path, target: true },
    ...(hasSecondPage ? [{ name: "organisation page 2 (heaviest)", path: secondPage, target: true }] : []),
    { name: "home page", path: "/", target: false },
  ];
  console.log(`Sitemap: ${actionPaths.length} actions, ${organisationPaths.length} organisations. Pages measured:`);
  for (const page of pages) {
    // The first visit renders the page; the next ones must come from the cache.
    await get(`${base}${page.path}`);
    await new Promise((r) => setTimeout(r, 1500));
    const { status, headers } = await get(`${base}${page.path}`);
    console.log(`  ${page.path}: ${status}, x-nextjs-cache ${headers["x-nextjs-cache"] ?? "(none)"}${headers["x-nextjs-postponed"] ? ", postponed (rendered per request)" : ""}`);
  }

  // One untimed load of each page first: the first measure must not be the one of a cold server.
  for (const page of pages) await load(`${base}${page.path}`);

  // Each page is measured right beside a measure of the reference, and its ratio is taken within
  // that pair: this machine's speed drifts within seconds, and a page and a reference measured
  // twenty seconds apart compared two machines. Each page goes first in one round, second in the
  // next (an even number of rounds balances them).
  console.log(`\n${rounds} rounds of pairs (reference, page) of ${seconds} s each, ${concurrency} connections…`);
  const figures = pages.map(() => ({ rps: [] as number[], p99: [] as number[], rpsRatio: [] as number[], p99Ratio: [] as number[] }));
  const measured = pages.slice(1).map((_, k) => k + 1);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? measured : [...measured].reverse();
    for (const i of order) {
      const referenceFirst = (round + i) % 2 === 0;
      const first = await load(`${base}${pages[referenceFirst ? 0 : i]!.path}`);
      const second = await load(`${base}${pages[referenceFirst ? i : 0]!.path}`);
      const [ref, page] = referenceFirst ? [first, second] : [second, first];
      for (const [k, m] of [[0, ref], [i, page]] as const) {
        figures[k]!.rps.push(m.rps);
        figures[k]!.p99.push(m.p99);
        figures[k]!.rpsRatio.push(m.rps / ref.rps);
        figures[k]!.p99Ratio.push(m.p99 / ref.p99);
      }
    }
  }

  const reference = await scripts("/acces-refuse");
  console.log(`\nMedians over ${rounds} rounds (ratio = page / reference, within each pair; the reference's own figures over all its pairs):\n`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${"page".padEnd(42)}${"HTML".padStart(9)}${"req/s".padStart(8)}${"p99 ms".padStart(9)}${"req/s ratio".padStart(13)}${"p99 ratio".padStart(11)}${"extra JS".padStart(11)}`);
  for (const [i, page] of pages.entries()) {
    const f = figures[i]!;
    const html = Buffer.byteLength((await get(`${base}${page.path}`)).body);
    const own = await scripts(page.path);
    const extra = [...own].filter(([src]) => !reference.has(src)).reduce((sum, [, bytes]) => sum + bytes, 0);
    const target = page.target ? (median(f.rpsRatio) >= 0.9 ? "  ok (≥ 0.9)" : "  BELOW 0.9") : "";
    console.log(
      `${page.name.padEnd(42)}${kb(html).padStart(9)}${median(f.rps).toFixed(0).padStart(8)}${median(f.p99).toFixed(1).padStart(9)}${median(f.rpsRatio).toFixed(2).padStart(13)}${median(f.p99Ratio).toFixed(2).padStart(11)}${kb(extra).padStart(11)}${target}`,
    );
  }
} finally {
  agent.destroy();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  if (values.keep) console.log(`\nKept ${dataDir} and ${distDir}`);
  else await rm(dataDir, { recursive: true, force: true });
}
