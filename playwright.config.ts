import { defineConfig, devices } from "@playwright/test";
import { e2eServer } from "./e2e/server-config.mjs";

// The suite builds and starts its own server (e2e/start-server.mjs) on a fresh PGlite database,
// beside any dev server: another port, another dist dir, another data dir. E2E_PORT runs a
// second suite beside the first (each port has its own build, database and clock file).
const { baseURL } = e2eServer();

export default defineConfig({
  testDir: "e2e",
  // Two cores and one shared server: tests run one after the other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "on-first-retry",
    actionTimeout: 15_000,
    navigationTimeout: 45_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Browsers cannot be downloaded here: use the system Chromium.
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node e2e/start-server.mjs",
    url: `${baseURL}/api/health`,
    // Migrate, seed and build before starting: a few minutes on a small machine.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
