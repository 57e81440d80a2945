import { expect, type Locator, type Page } from "@playwright/test";
import type { SessionData } from "../data";
import { visibleText } from "../visible";

/** Matches the provider's home, /espace-organisme (with or without a query string). */
export const PROVIDER_HOME_URL = /\/espace-organisme\/?(?:[?#].*)?$/;

export type ActionStatus = "Brouillon" | "En attente de validation" | "Publiée" | "Refusée";

/** What « Mettre à jour les places » changes in one published session. */
export type PlacesUpdate = Pick<Partial<SessionData>, "places" | "recruitment">;

/** The provider's home, /espace-organisme: the dashboard above the list of their training actions. */
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

  /**
   * « Mettre à jour les places » of the published action titled `title`: new places and
   * recruitment state per session, in the order of the small table, sent in one step.
   */
  async updatePlaces(title: string, sessions: PlacesUpdate[]) {
    const row = this.row(title);
    await row.getByText("Mettre à jour les places", { exact: true }).click();
    const places = row.getByRole("textbox", { name: /^Places disponibles, / });
    const recruitment = row.getByRole("combobox", { name: /^État du recrutement, / });
    await expect(places).toHaveCount(sessions.length);
    for (const [index, session] of sessions.entries()) {
      if (session.places !== undefined) await places.nth(index).fill(String(session.places));
      if (session.recruitment !== undefined) await recruitment.nth(index).selectOption({ label: session.recruitment });
    }
    await row.getByRole("button", { name: "Envoyer la mise à jour" }).click();
    await expect(this.page).toHaveURL(/\/espace-organisme\?mise-a-jour=/);
    await expect(visibleText(this.page, "Votre mise à jour des places est envoyée pour validation.")).toBeVisible();
  }
}
