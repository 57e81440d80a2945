import { expect, type Locator, type Page } from "@playwright/test";

/** An action's history, /espace-organisme/actions/<actionId>/historique: its versions and events. */
export class ActionHistoryPage {
  readonly heading: Locator;
  readonly versions: Locator;
  readonly events: Locator;
  /** « Sur le site »: when the action or its sessions left the site or came back. */
  readonly diffusion: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Historique de l’action", exact: true });
    this.versions = page.getByRole("region", { name: "Versions", exact: true });
    this.events = page.getByRole("region", { name: "Événements", exact: true });
    this.diffusion = page.getByRole("region", { name: "Sur le site", exact: true });
  }

  async goto(actionId: string) {
    await this.page.goto(`/espace-organisme/actions/${actionId}/historique`);
    await expect(this.heading).toBeVisible();
  }

  /** Each version, in order (« Version 1 », « Version 2 »…). */
  versionItems(): Locator {
    return this.versions.getByRole("listitem").filter({ has: this.page.getByText(/^Version \d+$/) });
  }

  version(number: number): Locator {
    return this.versions.getByRole("listitem").filter({ has: this.page.getByText(`Version ${number}`, { exact: true }) });
  }
}
