import { expect, type Locator, type Page } from "@playwright/test";
import { visibleText } from "../visible";
import { ACTION_PAGE_URL, actionIdFromUrl } from "./action-form-page";

/**
 * An action's own page, /espace-organisme/actions/<actionId>, around its form: the status and the
 * commands (« Dupliquer », « Archiver », « Restaurer ») and the link to its history.
 */
export class ActionPage {
  readonly duplicateButton: Locator;
  readonly archiveButton: Locator;
  readonly restoreButton: Locator;
  readonly historyLink: Locator;
  readonly publishedVersionLink: Locator;

  constructor(readonly page: Page) {
    this.duplicateButton = page.getByRole("button", { name: "Dupliquer", exact: true });
    this.archiveButton = page.getByRole("button", { name: "Archiver", exact: true });
    this.restoreButton = page.getByRole("button", { name: "Restaurer", exact: true });
    this.historyLink = page.getByRole("link", { name: "Historique", exact: true });
    this.publishedVersionLink = page.getByRole("link", { name: "Voir la version publiée", exact: true });
  }

  async goto(actionId: string) {
    await this.page.goto(`/espace-organisme/actions/${actionId}`);
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: title, exact: true });
  }

  /** « Dupliquer »: waits for the copy's page and returns its id. */
  async duplicate(): Promise<string> {
    const source = actionIdFromUrl(this.page.url());
    await this.duplicateButton.click();
    await this.page.waitForURL((url) => ACTION_PAGE_URL.test(url.href) && url.searchParams.get("statut") === "dupliquee");
    const copy = actionIdFromUrl(this.page.url());
    expect(copy, "the copy is another action").not.toBe(source);
    await expect(visibleText(this.page, /^Voici la copie de l’action, en brouillon/)).toBeVisible();
    return copy;
  }

  /** « Archiver », answering the browser's confirmation; returns the question it asked. */
  async archive({ confirm = true } = {}): Promise<string> {
    let question = "";
    this.page.once("dialog", async (dialog) => {
      question = dialog.message();
      await (confirm ? dialog.accept() : dialog.dismiss());
    });
    await this.archiveButton.click();
    await expect.poll(() => question, { message: "the browser asked for a confirmation" }).not.toBe("");
    if (confirm) {
      await expect(visibleText(this.page, "L’action est archivée : elle n’est plus sur le site. Son historique est conservé.")).toBeVisible();
    }
    return question;
  }

  async restore() {
    await this.restoreButton.click();
    await expect(visibleText(this.page, "L’action est restaurée.")).toBeVisible();
  }
}
