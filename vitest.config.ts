// npm run test:unit — unit tests (lib/**) and integration tests (db/**, app/**) against real databases.
//
// - unit:                pure functions, no database.
// - integration-pglite:  db/**/*.test.ts on a throwaway PGlite directory, migrated once per run.
// - integration-pg,
//   integration-neon:    the same files on PostgreSQL, only when TEST_DATABASE_URL is set
//                        (e.g. postgres://postgres@127.0.0.1:5432/test). Each project creates its
//                        own database it_<random> on that server and drops it at the end; the Neon
//                        project reaches it through a local WebSocket relay (db/test-utils/ws-relay.ts).

import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// The integration files share one database per project: run them one after the other.
// app/**: server actions called as a form would, with only the framework edges mocked.
const integration = (name: string, globalSetup: string): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: ["db/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: [globalSetup],
    setupFiles: ["db/test-utils/setup-integration.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts"], environment: "node" } },
  integration("integration-pglite", "db/test-utils/global-setup-pglite.ts"),
];
if (process.env.TEST_DATABASE_URL) {
  projects.push(
    integration("integration-pg", "db/test-utils/global-setup-postgres.ts"),
    integration("integration-neon", "db/test-utils/global-setup-postgres.ts"),
  );
}

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // `import "server-only"` throws outside a React Server Components bundle; tests are server code.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    projects,
    // Dates are computed in Europe/Paris by the code itself; run under UTC so that nothing
    // depends on the machine's time zone by accident.
    env: { TZ: "UTC" },
  },
});
