import { expect, type Locator, type Page } from "@playwright/test";

/** The catalogue search, /formations: the search box, its filters and the results. */
export class SearchPage {
  readonly heading: Locator;
  readonly results: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Rechercher une formation" });
    this.results = page.getByRole("list", { name: "Formations trouvées" });
    this.count = page.getByRole("heading", { level: 2, name: /formations?/ });
  }

  async goto(query = "") {
    await this.page.goto(`/formations${query}`);
    await expect(this.heading).toBeVisible();
  }

  async searchFor(words: string) {
    await this.page.getByRole("searchbox", { name: "Métier, formation ou organisme" }).fill(words);
    await this.page.getByRole("button", { name: "Rechercher", exact: true }).click();
  }

  async applyFilters() {
    await this.page.getByRole("button", { name: "Appliquer les filtres" }).click();
  }

  /** The number in « 12 formations … ». */
  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? "";
    return Number(/^([\d\s\u00a0\u202f]+)/.exec(text)![1]!.replace(/\D/g, ""));
  }

  result(title: string): Locator {
    return this.results.getByRole("link", { name: title, exact: true });
  }
}
