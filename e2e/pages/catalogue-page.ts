import { expect, type Locator, type Page } from "@playwright/test";

/** Matches /formations/<slug>, capturing the slug. */
export const PUBLIC_ACTION_URL = /\/formations\/([^/?#]+)\/?(?:[?#].*)?$/;

/** The public catalogue: /formations and /formations/<slug>. */
export class CataloguePage {
  readonly listHeading: Locator;

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole("heading", { level: 1, name: "Rechercher une formation" });
  }

  /**
   * /formations; with a title, the search for it (the list is paged: an action is looked for,
   * not browsed to).
   */
  async gotoList(title?: string) {
    await this.page.goto(title ? `/formations?q=${encodeURIComponent(title)}` : "/formations");
    await expect(this.listHeading).toBeVisible();
  }

  /** /formations/<slug>, without waiting for what it shows (the action, or « Page introuvable »). */
  async gotoAction(slug: string) {
    await this.page.goto(`/formations/${slug}`);
  }

  notFoundHeading(): Locator {
    return this.page.getByRole("heading", { name: "Page introuvable", exact: true });
  }

  /** A region of an action's page (« Modules », « Prix et financement », « Sessions »…). */
  region(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }

  /** From /formations, opens the action titled `title` and returns its slug. */
  async openFromList(title: string): Promise<string> {
    await this.gotoList(title);
    const link = this.link(title);
    await expect(link).toHaveAttribute("href", /\/formations\/[^/?#]+/);
    await link.click();
    await this.page.waitForURL(PUBLIC_ACTION_URL);
    await expect(this.page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    return PUBLIC_ACTION_URL.exec(this.page.url())![1]!;
  }

  /** On an action's page, the session in `town` (its heading reads « Nancy, du … au … »). */
  session(town: string): Locator {
    return this.region("Sessions").getByRole("heading", { name: new RegExp(`^${town},`) });
  }

  section(name: "Objectifs" | "Contenu" | "Sessions"): Locator {
    return this.page.getByRole("heading", { name, exact: true });
  }
}
