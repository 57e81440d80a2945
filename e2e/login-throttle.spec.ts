import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { visibleText } from "./visible";

// Issue 10, finding 3: wrong passwords in a row used to be answered at once, and the right one
// then logged in. Now each failure past the second makes the next attempt wait, longer each
// time — refused before the password is even checked — with the same French message whether
// the identifier exists or not. (The 15-minute lock at the tenth failure and its journal entry
// are tested on the database: db/queries/login-attempts.test.ts.)

const PASSWORD = "Demo-Organisme-2026";
const THROTTLED = /Trop de tentatives de connexion ont échoué/;

/** One attempt over HTTP: the code Auth.js puts in its redirect (« credentials », « throttled-N »), or « ok ». */
async function attempt(request: APIRequestContext, identifier: string, password: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { identifier, password, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  return new URL(location, "http://x").searchParams.get("code") ?? (location.includes("error") ? "error" : "ok");
}

/** Fails with a wrong password until `failures` are counted, waiting out each delay as a patient attacker would. */
async function failRepeatedly(request: APIRequestContext, identifier: string, failures: number) {
  for (let counted = 0; counted < failures; ) {
    const code = await attempt(request, identifier, "Pas-Le-Bon-Mot-De-Passe-2026");
    if (code === "credentials") counted++;
    else {
      expect(code).toMatch(/^throttled-\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

for (const [who, identifier] of [
  ["un compte existant", "hotellerie.verdun"],
  ["un identifiant inconnu", "organisme.imaginaire"],
] as const) {
  test(`après des échecs répétés, même le bon mot de passe attend (${who})`, async ({ browser, baseURL, playwright }) => {
    const address = identifier === "hotellerie.verdun" ? "203.0.113.41" : "203.0.113.42";
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });
    await failRepeatedly(request, identifier, 7);
    // The seventh failure holds the identifier back for 16 seconds: the right password is refused too.
    expect(await attempt(request, identifier, PASSWORD)).toMatch(/^throttled-\d+$/);

    const context = await browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "X-Forwarded-For": address } });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(identifier, PASSWORD);
    await expect(visibleText(page, THROTTLED)).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);
    expect((await context.cookies()).some((cookie) => /authjs\.session-token/.test(cookie.name))).toBe(false);
    await context.close();
    await request.dispose();
  });
}
