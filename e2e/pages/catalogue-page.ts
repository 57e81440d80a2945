import { expect, type Locator, type Page } from "@playwright/test";

/** Matches /formations/<slug>, capturing the slug. */
export const PUBLIC_ACTION_URL = /\/formations\/([^/?#]+)\/?(?:[?#].*)?$/;

/** The public catalogue: /formations and /formations/<slug>. */
export class CataloguePage {
  readonly listHeading: Locator;

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole("heading", { name: "Les formations" });
  }

  async gotoList() {
    await this.page.goto("/formations");
    await expect(this.listHeading).toBeVisible();
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }

  /** From /formations, opens the action titled `title` and returns its slug. */
  async openFromList(title: string): Promise<string> {
    await this.gotoList();
    const link = this.link(title);
    await expect(link).toHaveAttribute("href", /\/formations\/[^/?#]+/);
    await link.click();
    await this.page.waitForURL(PUBLIC_ACTION_URL);
    await expect(this.page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    return PUBLIC_ACTION_URL.exec(this.page.url())![1]!;
  }

  section(name: "Objectifs" | "Contenu" | "Sessions"): Locator {
    return this.page.getByRole("heading", { name, exact: true });
  }
}
