import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BAD_CREDENTIALS, LoginPage } from "./pages/login-page";
import { visibleText } from "./visible";

// R10: the codes the centre gives. Staff create an organisation with its first account and reset
// its codes; the provider signs in with the temporary password and must choose their own before
// anything else. Each run creates its own organisation through the UI (never the demo accounts).

const PROVIDER_HOME = /\/espace-organisme\/?(?:[?#].*)?$/;
const PASSWORD_PAGE = /\/mot-de-passe\/?(?:[?#].*)?$/;
const TEMPORARY_PASSWORD = /^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/;

/** Fourteen digits with a valid Luhn key, as a real SIRET has (and never La Poste's SIREN). */
function validSiret(): string {
  const base = `9${Array.from({ length: 12 }, () => randomInt(10)).join("")}`;
  for (let key = 0; key < 10; key++) {
    const siret = `${base}${key}`;
    const sum = [...siret].reverse().reduce((total, char, i) => {
      const digit = Number(char) * (i % 2 === 1 ? 2 : 1);
      return total + (digit > 9 ? digit - 9 : digit);
    }, 0);
    if (sum % 10 === 0) return siret;
  }
  throw new Error("unreachable: one key of ten always fits");
}

/** The codes shown once on the page, after a creation or a reset. */
async function issuedCodes(page: Page) {
  const panel = page.getByRole("region", { name: /^Codes provisoires de / });
  await expect(panel).toBeVisible();
  await expect(visibleText(panel, /ils ne seront plus affichés/)).toBeVisible();
  const identifier = (await panel.getByTestId("issued-identifier").textContent())!.trim();
  const password = (await panel.getByTestId("issued-password").textContent())!.trim();
  expect(password).toMatch(TEMPORARY_PASSWORD);
  return { identifier, password };
}

/** As staff: « Créer un organisme » with its first account; returns the organisation's page address and the codes. */
async function createOrganisation(page: Page, name: string) {
  await page.goto("/gestion/organismes");
  await page.getByRole("link", { name: "Créer un organisme" }).click();
  await expect(page.getByRole("heading", { name: "Créer un organisme" })).toBeVisible();
  await page.getByLabel("Raison sociale", { exact: true }).fill(name);
  await page.getByLabel("Numéro SIRET", { exact: true }).fill(validSiret());
  await page.getByLabel("Code postal", { exact: true }).fill("54000");
  await page.getByRole("combobox", { name: "Commune" }).fill("Nancy");
  await page.getByRole("option", { name: "Nancy (54)", exact: true }).click();
  await page.getByLabel("Adresse électronique de l’organisme", { exact: true }).fill("contact@atelier-e2e.example.org");
  await page.getByLabel("Prénom et nom", { exact: true }).fill("Claire Martin");
  await page.getByLabel("Adresse électronique de la personne", { exact: true }).fill("claire.martin@atelier-e2e.example.org");
  await page.getByRole("button", { name: "Créer l’organisme et son compte" }).click();
  const codes = await issuedCodes(page);
  await page.getByRole("link", { name: "Ouvrir la fiche de l’organisme" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  return codes;
}

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
    await expect(page).toHaveURL(PASSWORD_PAGE);
    await expect(page.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();

    // Nothing else opens before the password is chosen.
    await page.goto("/espace-organisme");
    await expect(page).toHaveURL(PASSWORD_PAGE);

    const chosen = `Le mot de passe de ${name}`;
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(chosen);
    await page.getByLabel("Confirmez le nouveau mot de passe", { exact: true }).fill(`${chosen}.`);
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await expect(visibleText(page, /ne sont pas identiques/)).toBeVisible();

    await page.getByLabel("Confirmez le nouveau mot de passe", { exact: true }).fill(chosen);
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await expect(page).toHaveURL(PROVIDER_HOME);
    await expect(page.getByRole("heading", { name: "Votre espace organisme" })).toBeVisible();

    // The organisation's page says the codes were changed.
    await staffPage.reload();
    await expect(visibleText(staffPage, "Mot de passe choisi").first()).toBeVisible();
  });

  test("un organisme qui ouvre /gestion arrive dans son espace", async ({ providerPage }) => {
    await providerPage.goto("/gestion");
    await expect(providerPage).toHaveURL(PROVIDER_HOME);
    await expect(providerPage.getByRole("heading", { name: "Votre espace organisme" })).toBeVisible();
  });
});
