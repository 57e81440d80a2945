import { expect, type Locator, type Page } from "@playwright/test";

/** A submission under review, /gestion/validation/<revisionId>. */
export class ReviewPage {
  readonly formacodeCombobox: Locator;
  readonly approveButton: Locator;
  readonly rejectionReason: Locator;
  readonly rejectButton: Locator;

  constructor(readonly page: Page) {
    this.formacodeCombobox = page.getByRole("combobox", { name: "Ajouter un code Formacode" });
    this.approveButton = page.getByRole("button", { name: "Valider", exact: true });
    this.rejectionReason = page.getByRole("textbox", { name: "Motif du refus", exact: true });
    this.rejectButton = page.getByRole("button", { name: "Refuser", exact: true });
  }

  async goto(revisionId: string) {
    await this.page.goto(`/gestion/validation/${revisionId}`);
  }

  /** Types `query` in the picker and picks the option of `code` (« 22334 · Maçonnerie »). */
  async addFormacode(query: string, code: string) {
    await this.formacodeCombobox.fill(query);
    await this.page.getByRole("option", { name: new RegExp(`^${code}\\s*·`) }).click();
    await expect(this.removeFormacodeButton(code)).toBeVisible();
  }

  /** The chip's button « Retirer « 22334 · Maçonnerie » ». */
  removeFormacodeButton(code: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^Retirer «\\s*${code}\\s*·`) });
  }
}
