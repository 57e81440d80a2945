import { expect, type Locator, type Page } from "@playwright/test";

/**
 * /gestion/courriels (admins): the mail outbox, newest first, with each mail's full text. The e2e
 * server has no mail server (no SMTP_URL), so this is where a spec reads what the product sent.
 */
export class MailsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Courriels", exact: true });
  }

  async goto() {
    await this.page.goto("/gestion/courriels");
    await expect(this.heading).toBeVisible();
  }

  /** The mails titled `subject` (newest first), sent to `to` when given. */
  mails(subject: string, { to }: { to?: string } = {}): Locator {
    const items = this.page.getByRole("listitem").filter({ has: this.page.getByText(subject, { exact: true }) });
    return to ? items.filter({ hasText: `À ${to},` }) : items;
  }

  /**
   * Opens the newest mail titled `subject` (to `to`, containing `hasText`) and returns its text,
   * non-breaking spaces (French typography) read as plain ones.
   */
  async read(subject: string, { to, hasText }: { to?: string; hasText?: string } = {}): Promise<string> {
    await this.goto();
    const mails = this.mails(subject, { to });
    const mail = (hasText ? mails.filter({ hasText }) : mails).first();
    await expect(mail, `a mail « ${subject} »${to ? ` to ${to}` : ""}`).toBeVisible();
    await mail.getByText("Lire le courriel", { exact: true }).click();
    const text = mail.getByText(/^Bonjour/);
    await expect(text).toBeVisible();
    return (await text.innerText()).replace(/[\u00a0\u202f]/g, " ").trim();
  }
}
