import { accounts } from "./accounts";
import { expect, test } from "./fixtures";
import { BAD_CREDENTIALS, LoginPage } from "./pages/login-page";
import { PROVIDER_HOME_URL } from "./pages/provider-actions-page";
import { visibleText } from "./visible";

// The only spec that signs in through the form; the others sign in over HTTP (fixtures.ts).

const STAFF_HOME = /\/gestion\/validation\/?(?:[?#].*)?$/;
const LOGIN_WITH_CALLBACK = /\/connexion\?(?:.*&)?callbackUrl=/;

test.describe("connexion", () => {
  test("la page de connexion dit qui contacter en cas de perte des codes", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(visibleText(page, /codes confidentiels/).first()).toBeVisible();
  });

  test("un organisme se connecte et arrive dans son espace", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.provider.identifier, accounts.provider.password);
    await expect(page).toHaveURL(PROVIDER_HOME_URL);
    await expect(page.getByRole("heading", { name: "Vos actions de formation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  });

  test("un chargé d’information se connecte et arrive sur la file de validation", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.staff.identifier, accounts.staff.password);
    await expect(page).toHaveURL(STAFF_HOME);
    await expect(page.getByRole("heading", { name: "Actions à valider" })).toBeVisible();
  });

  test("un administrateur arrive aussi sur la file de validation", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.admin.identifier, accounts.admin.password);
    await expect(page).toHaveURL(STAFF_HOME);
  });

  test("mauvais mot de passe et identifiant inconnu donnent le même message", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.provider.identifier, "Mauvais-Mot-De-Passe-2026");
    await expect(visibleText(page, BAD_CREDENTIALS)).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

    await login.goto();
    await login.signIn("organisme.inconnu", accounts.provider.password);
    await expect(visibleText(page, BAD_CREDENTIALS)).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

    // Nothing in the session tells the two cases apart either.
    const cookies = await page.context().cookies();
    expect(cookies.some((cookie) => /authjs\.session-token/.test(cookie.name))).toBe(false);
  });

  test("se déconnecter", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.provider.identifier, accounts.provider.password);
    await expect(page).toHaveURL(PROVIDER_HOME_URL);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect
      .poll(async () => (await page.context().cookies()).some((cookie) => /authjs\.session-token/.test(cookie.name)))
      .toBe(false);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

    await page.goto("/espace-organisme");
    await expect(page).toHaveURL(LOGIN_WITH_CALLBACK);
    await expect(login.heading).toBeVisible();
  });
});

test.describe("accès aux espaces privés", () => {
  for (const path of ["/gestion/validation", "/espace-organisme"]) {
    test(`un visiteur anonyme qui ouvre ${path} est envoyé vers la connexion`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(LOGIN_WITH_CALLBACK);
      expect(new URL(page.url()).searchParams.get("callbackUrl")).toContain(path);
      await expect(new LoginPage(page).heading).toBeVisible();
    });
  }

  test("un organisme qui ouvre /gestion/validation reçoit « Accès refusé » (403)", async ({ providerPage }) => {
    const response = await providerPage.goto("/gestion/validation");
    expect(response?.status()).toBe(403);
    await expect(providerPage.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
    await expect(providerPage.getByRole("heading", { name: "Actions à valider" })).toHaveCount(0);
  });

  test("un chargé d’information qui ouvre /espace-organisme reçoit « Accès refusé »", async ({ staffPage }) => {
    const response = await staffPage.goto("/espace-organisme");
    expect(response?.status()).toBe(403);
    await expect(staffPage.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
    await expect(staffPage.getByRole("heading", { name: "Vos actions de formation" })).toHaveCount(0);
  });

  for (const [area, path] of [
    ["la gestion", "/gestion/validation"],
    ["l’espace organisme", "/espace-organisme"],
    ["la connexion", "/connexion"],
  ] as const) {
    test(`${area} commence par un lien d’évitement vers le contenu`, async ({ staffPage, providerPage, page }) => {
      const tab = path === "/gestion/validation" ? staffPage : path === "/espace-organisme" ? providerPage : page;
      await tab.goto(path);
      await tab.keyboard.press("Tab");
      const skip = tab.getByRole("link", { name: "Aller au contenu" });
      await expect(skip).toBeFocused();
      await tab.keyboard.press("Enter");
      await expect(tab).toHaveURL(/#contenu$/);
      await expect(tab.locator("main#contenu")).toBeVisible();
    });
  }
});
