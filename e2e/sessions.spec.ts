import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { accounts } from "./accounts";
import { expect, signInOverHttp, test } from "./fixtures";

// Issue 10, finding 7: « Se déconnecter » ends the session on the server, so the old cookie,
// replayed, opens nothing; « Se déconnecter de tous les appareils » ends the others too.

const PROVIDER_AREA = "/espace-organisme";
const account = accounts.sessionsProvider;

async function signedInContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  await signInOverHttp(context, baseURL, account);
  return context;
}

/**
 * Opens the provider area with these cookies in a fresh browser: where does it land? The area
 * streams its loading state first, so a session that no longer holds is sent to the login page
 * after the first bytes, by the browser: wait for one page or the other to show (a quiet network
 * came, on a loaded machine, before that redirect).
 */
async function landingWith(browser: Browser, baseURL: string, cookies: Cookie[]): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(PROVIDER_AREA);
    const login = page.getByRole("heading", { level: 1, name: "Connexion" });
    await expect(page.getByRole("heading", { name: "Vos actions de formation" }).or(login)).toBeVisible();
    if (await login.isVisible()) await page.waitForURL(/\/connexion/);
    return new URL(page.url()).pathname;
  } finally {
    await context.close();
  }
}

test("après « Se déconnecter », l’ancien cookie rejoué n’ouvre plus l’espace organisme", async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!);
  const page = await context.newPage();
  await page.goto(PROVIDER_AREA);
  await expect(page.getByRole("heading", { name: "Vos actions de formation" })).toBeVisible();
  const stolen = await context.cookies();
  expect(await landingWith(browser, baseURL!, stolen)).toBe(PROVIDER_AREA);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  expect(await landingWith(browser, baseURL!, stolen)).toBe("/connexion");
  await context.close();
});

test("« Se déconnecter de tous les appareils » ferme aussi la session ouverte ailleurs", async ({ browser, baseURL }) => {
  const laptop = await signedInContext(browser, baseURL!);
  const phone = await signedInContext(browser, baseURL!);
  const phoneCookies = await phone.cookies();
  expect(await landingWith(browser, baseURL!, phoneCookies)).toBe(PROVIDER_AREA);

  const page = await laptop.newPage();
  await page.goto("/mon-compte");
  await expect(page.getByRole("heading", { name: "Mon compte" })).toBeVisible();
  await expect(page.getByText(/ouvert sur 2\u00a0navigateurs ou appareils/)).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
  await expect(page).toHaveURL(/\/connexion/);

  expect(await landingWith(browser, baseURL!, phoneCookies)).toBe("/connexion");
  expect(await landingWith(browser, baseURL!, await laptop.cookies())).toBe("/connexion");
  await laptop.close();
  await phone.close();
});
