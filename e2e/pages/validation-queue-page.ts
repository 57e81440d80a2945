import { expect, type Locator, type Page } from "@playwright/test";

/** Matches /gestion/validation/<revisionId>, capturing the id. */
export const REVIEW_PAGE_URL = /\/gestion\/validation\/([^/?#]+)\/?(?:[?#].*)?$/;

/** Matches the queue itself, /gestion/validation (with or without a query string). */
export const QUEUE_URL = /\/gestion\/validation\/?(?:[?#].*)?$/;

/** The staff's queue, /gestion/validation. */
export class ValidationQueuePage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Actions à valider" });
  }

  async goto() {
    await this.page.goto("/gestion/validation");
    await expect(this.heading).toBeVisible();
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }

  row(title: string): Locator {
    return this.page.getByRole("row").filter({ has: this.link(title) });
  }

  /** Opens the submission titled `title` and returns its revision id. */
  async open(title: string): Promise<string> {
    await this.link(title).click();
    await this.page.waitForURL(REVIEW_PAGE_URL);
    await expect(this.page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    return REVIEW_PAGE_URL.exec(this.page.url())![1]!;
  }
}
