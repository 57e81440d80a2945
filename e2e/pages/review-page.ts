import { expect, type Locator, type Page } from "@playwright/test";
import { visibleText } from "../visible";

/** A submission under review, /gestion/validation/<revisionId>. */
export class ReviewPage {
  readonly formacodeCombobox: Locator;
  readonly approveButton: Locator;
  readonly rejectionReason: Locator;
  readonly rejectButton: Locator;
  /** « Ce qui change par rapport à la version en ligne »: the submitted content against the published one. */
  readonly changes: Locator;

  constructor(readonly page: Page) {
    this.formacodeCombobox = page.getByRole("combobox", { name: "Ajouter un code Formacode" });
    this.approveButton = page.getByRole("button", { name: "Valider", exact: true });
    this.rejectionReason = page.getByRole("textbox", { name: "Motif du refus", exact: true });
    this.rejectButton = page.getByRole("button", { name: "Refuser", exact: true });
    this.changes = page.getByRole("region", { name: "Ce qui change par rapport à la version en ligne", exact: true });
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

  /** The row of a changed field in the table of changes (« Objectifs », then before and after). */
  changedField(label: string): Locator {
    return this.changes.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: label, exact: true }) });
  }

  /** A text of the action as staff may reword it, under « Corriger la rédaction avant de valider ». */
  wordingField(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  /**
   * Opens « Corriger la rédaction avant de valider » and replaces `before` by `after` in the text
   * labelled `label`; the correction is shown word by word under the field.
   */
  async correctWording(label: string, before: string, after: string) {
    const field = this.wordingField(label);
    if (!(await field.isVisible())) await visibleText(this.page, /^Corriger la rédaction avant de valider/).click();
    const text = await field.inputValue();
    expect(text, `« ${before} » is in ${label}`).toContain(before);
    await field.fill(text.replace(before, after));
    const preview = this.page.getByRole("paragraph").filter({ hasText: /^Votre correction/ });
    await expect(preview.getByRole("insertion").filter({ hasText: after })).toBeVisible();
  }
}
