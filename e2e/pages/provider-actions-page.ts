import { expect, type Locator, type Page } from "@playwright/test";

export type ActionStatus = "Brouillon" | "En attente de validation" | "Publiée" | "Refusée";

/** The provider's home, /espace-organisme: the list of their training actions. */
export class ProviderActionsPage {
  readonly heading: Locator;
  readonly newActionLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Vos actions de formation" });
    this.newActionLink = page.getByRole("link", { name: "Nouvelle action" });
  }

  async goto() {
    await this.page.goto("/espace-organisme");
    await expect(this.heading).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  async expectStatus(title: string, status: ActionStatus) {
    await expect(this.row(title).getByRole("cell", { name: status })).toBeVisible();
  }

  async expectActionLink(title: string, actionId: string) {
    await expect(this.row(title).getByRole("link", { name: title, exact: true })).toHaveAttribute(
      "href",
      new RegExp(`/espace-organisme/actions/${actionId}$`),
    );
  }
}
