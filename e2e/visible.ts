import type { Locator, Page } from "@playwright/test";

/**
 * Text on screen only. Next keeps the previous route's page in the DOM, hidden (React
 * Activity), so a plain getByText can also find the page the browser has just left.
 */
export function visibleText(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.getByText(text).filter({ visible: true });
}
