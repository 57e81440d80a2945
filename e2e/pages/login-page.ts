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

  /**
   * Fills the form and sends it. The suite's failed logins all come from one address, which the
   * server then holds back for a few seconds (« Patientez N secondes », lib/auth/login-throttle.ts):
   * unless `waitOutDelay` is false (login-throttle.spec.ts, which tests that delay), such an answer
   * is waited out and the login sent again, from a fresh page at the same address.
   */
  async signIn(identifier: string, password: string, { waitOutDelay = true }: { waitOutDelay?: boolean } = {}) {
    for (let attempt = 1; ; attempt++) {
      await this.identifier.fill(identifier);
      await this.password.fill(password);
      await this.submitButton.click();
      if (!waitOutDelay) return;
      const seconds = await this.announcedDelaySeconds();
      if (seconds === null || attempt === 5) return;
      await this.page.waitForTimeout(seconds * 1000 + 300);
      await this.page.goto(this.page.url());
      await expect(this.heading).toBeVisible();
    }
  }

  /** Once the form has answered: the delay it announces in seconds, or null (signed in, or another answer). */
  private async announcedDelaySeconds(): Promise<number | null> {
    // The form's own message (Next's route announcer is an alert too, elsewhere on the page).
    const alert = this.page.locator("form").filter({ has: this.submitButton }).getByRole("alert").first();
    let message = "";
    await expect
      .poll(
        async () => {
          if (!new URL(this.page.url()).pathname.startsWith("/connexion")) return "left the page";
          if (await alert.isVisible()) message = (await alert.textContent()) ?? "";
          return message ? "answered" : "waiting";
        },
        { message: "the login form answers", timeout: 30_000 },
      )
      .not.toBe("waiting");
    const seconds = /Patientez (\d+)\s*seconde/.exec(message)?.[1];
    return seconds ? Number(seconds) : null;
  }
}

export const BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
