import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { createOrganisation, issuedCodes } from "./flows";
import { BAD_CREDENTIALS, LoginPage } from "./pages/login-page";
import { CHOOSE_PASSWORD_URL, ChoosePasswordPage } from "./pages/password-pages";
import { PROVIDER_HOME_URL } from "./pages/provider-actions-page";
import { visibleText } from "./visible";

// R10: the codes the centre gives. Staff create an organisation with its first account and reset
// its codes; the provider signs in with the temporary password and must choose their own before
// anything else. Each run creates its own organisation through the UI (never the demo accounts).

test.describe("codes confidentiels", () => {
  test("le centre réinitialise les codes d’un organisme, qui se connecte et choisit son mot de passe", async ({ staffPage, page }) => {
    const name = `Atelier des codes ${randomUUID().slice(0, 8)}`;
    const created = await createOrganisation(staffPage, name);

    await staffPage.getByRole("button", { name: "Réinitialiser les codes" }).click();
    await staffPage.getByRole("button", { name: "Oui, réinitialiser les codes" }).click();
    const reset = await issuedCodes(staffPage);
    expect(reset.identifier).toBe(created.identifier);
    expect(reset.password).not.toBe(created.password);

    const login = new LoginPage(page);
    // The codes of the creation no longer work.
    await login.goto();
    await login.signIn(created.identifier, created.password);
    await expect(visibleText(page, BAD_CREDENTIALS)).toBeVisible();

    await login.goto();
    await login.signIn(reset.identifier, reset.password);
    await expect(page).toHaveURL(CHOOSE_PASSWORD_URL);
    const choose = new ChoosePasswordPage(page);
    await expect(choose.heading).toBeVisible();

    // Nothing else opens before the password is chosen.
    await page.goto("/espace-organisme");
    await expect(page).toHaveURL(CHOOSE_PASSWORD_URL);

    const chosen = `Le mot de passe de ${name}`;
    await choose.choose(chosen, `${chosen}.`);
    await expect(visibleText(page, /ne sont pas identiques/)).toBeVisible();

    await choose.choose(chosen);
    await expect(page).toHaveURL(PROVIDER_HOME_URL);
    await expect(page.getByRole("heading", { name: "Votre espace organisme" })).toBeVisible();

    // The organisation's page says the codes were changed.
    await staffPage.reload();
    await expect(visibleText(staffPage, "Mot de passe choisi").first()).toBeVisible();
  });

  test("un organisme qui ouvre /gestion arrive dans son espace", async ({ providerPage }) => {
    await providerPage.goto("/gestion");
    await expect(providerPage).toHaveURL(PROVIDER_HOME_URL);
    await expect(providerPage.getByRole("heading", { name: "Votre espace organisme" })).toBeVisible();
  });
});
