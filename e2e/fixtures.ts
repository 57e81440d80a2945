import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { accounts, type Account } from "./accounts";

export { expect };

/**
 * Signs in over HTTP (Auth.js credentials callback) with the context's own request client, so
 * the session cookie lands in the browser context. Only auth.spec.ts goes through the form.
 */
export async function signInOverHttp(context: BrowserContext, baseURL: string, account: Account): Promise<void> {
  const csrfResponse = await context.request.get(`${baseURL}/api/auth/csrf`);
  expect(csrfResponse.ok(), "GET /api/auth/csrf").toBeTruthy();
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

  const response = await context.request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { identifier: account.identifier, password: account.password, csrfToken, callbackUrl: `${baseURL}/` },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  expect(response.status(), `sign-in of ${account.identifier}`).toBeLessThan(400);
  expect(location, `sign-in of ${account.identifier} redirects to ${location}`).not.toContain("error");

  const cookies = await context.cookies(baseURL);
  expect(
    cookies.some((cookie) => /authjs\.session-token/.test(cookie.name)),
    `session cookie for ${account.identifier}`,
  ).toBeTruthy();
}

async function signedInPage(browser: Browser, baseURL: string, account: Account, provide: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  try {
    await signInOverHttp(context, baseURL, account);
    const page = await context.newPage();
    await provide(page);
  } finally {
    await context.close();
  }
}

interface Fixtures {
  /** Signed in as btp.nancy (« Bâtiment Formation Lorraine »). */
  providerPage: Page;
  /** Signed in as soins.metz (« Institut lorrain des métiers du soin »), in its own context. */
  otherProviderPage: Page;
  /** Signed in as carif.agent, in its own context. */
  staffPage: Page;
  /** Signed in as carif.admin, in its own context. */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  providerPage: async ({ browser, baseURL }, use) => {
    await signedInPage(browser, baseURL!, accounts.provider, use);
  },
  otherProviderPage: async ({ browser, baseURL }, use) => {
    await signedInPage(browser, baseURL!, accounts.otherProvider, use);
  },
  staffPage: async ({ browser, baseURL }, use) => {
    await signedInPage(browser, baseURL!, accounts.staff, use);
  },
  adminPage: async ({ browser, baseURL }, use) => {
    await signedInPage(browser, baseURL!, accounts.admin, use);
  },
});
