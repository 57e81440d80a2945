import { expect, type Locator, type Page } from "@playwright/test";

/** Matches /mot-de-passe, where a person with temporary codes must choose their password. */
export const CHOOSE_PASSWORD_URL = /\/mot-de-passe\/?(?:[?#].*)?$/;

/** /mot-de-passe: « Choisissez votre mot de passe », forced after signing in with temporary codes. */
export class ChoosePasswordPage {
  readonly heading: Locator;
  readonly password: Locator;
  readonly confirmation: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Choisissez votre mot de passe" });
    this.password = page.getByLabel("Nouveau mot de passe", { exact: true });
    this.confirmation = page.getByLabel("Confirmez le nouveau mot de passe", { exact: true });
    this.saveButton = page.getByRole("button", { name: "Enregistrer mon mot de passe" });
  }

  async choose(password: string, confirmation = password) {
    await this.password.fill(password);
    await this.confirmation.fill(confirmation);
    await this.saveButton.click();
  }
}

/** /mot-de-passe-oublie and the link it mails, /mot-de-passe-oublie/<token>. */
export class ForgottenPasswordPage {
  readonly heading: Locator;
  readonly login: Locator;
  readonly requestButton: Locator;
  /** The answer to a request, the same whether the account exists or not. */
  readonly answer: Locator;
  readonly resetHeading: Locator;
  readonly password: Locator;
  readonly confirmation: Locator;
  readonly saveButton: Locator;
  readonly newLinkLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Mot de passe oublié", exact: true });
    this.login = page.getByRole("textbox", { name: "Identifiant ou adresse électronique", exact: true });
    this.requestButton = page.getByRole("button", { name: "Recevoir un lien" });
    this.answer = page.getByRole("status").filter({ hasText: /Si un compte correspond/ });
    this.resetHeading = page.getByRole("heading", { name: "Nouveau mot de passe", exact: true });
    this.password = page.getByLabel("Nouveau mot de passe", { exact: true });
    this.confirmation = page.getByLabel("Le même, une seconde fois", { exact: true });
    this.saveButton = page.getByRole("button", { name: "Enregistrer mon mot de passe" });
    this.newLinkLink = page.getByRole("link", { name: "Demander un nouveau lien" });
  }

  /** Asks for a link for `login` and returns the answer shown. */
  async request(login: string): Promise<string> {
    await this.login.fill(login);
    await this.requestButton.click();
    await expect(this.answer).toBeVisible();
    return (await this.answer.innerText()).trim();
  }

  /** On the page of a link: sets the new password. */
  async reset(password: string, confirmation = password) {
    await expect(this.resetHeading).toBeVisible();
    await this.password.fill(password);
    await this.confirmation.fill(confirmation);
    await this.saveButton.click();
  }
}
