import { expect, type Locator, type Page } from "@playwright/test";

/** /connexion */
export class LoginPage {
  readonly heading: Locator;
  readonly identifier: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  readonly forgottenPasswordLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Connexion", exact: true });
    this.identifier = page.getByRole("textbox", { name: "Identifiant", exact: true });
    this.password = page.getByLabel("Mot de passe", { exact: true }).filter({ visible: true });
    this.submitButton = page.getByRole("button", { name: "Se connecter" });
    this.forgottenPasswordLink = page.getByRole("link", { name: "Mot de passe oublié ?" });
  }

  async goto() {
    await this.page.goto("/connexion");
    await expect(this.heading).toBeVisible();
  }

  async signIn(identifier: string, password: string) {
    await this.identifier.fill(identifier);
    await this.password.fill(password);
    await this.submitButton.click();
  }
}

export const BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
