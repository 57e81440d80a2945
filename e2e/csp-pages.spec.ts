import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { e2eServer } from "./server-config.mjs";

// Issue 10: the Content-Security-Policy allows no inline script but by nonce or hash, and every
// kind of page still runs its scripts under it — pages rendered per request, public pages served
// as cached HTML (incremental regeneration), and pages prerendered whole at build time, whose
// HTML exists before any request, hence before any nonce (lib/http/security-headers.ts says how
// each kind gets its scripts allowed). Each page is loaded in Chromium: no CSP violation may be
// reported, and React must have hydrated the page (a client component answers).

/** Every CSP violation the page reports (console message or securitypolicyviolation event). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      );
    });
  });
  return violations;
}

/** True once React has hydrated the element: it then carries React's fiber. */
async function hydrated(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$")));
}

/**
 * Opens `path` and checks that the page hydrated: `selector` (a client component, or the page's
 * own content) gets React's fiber, and a click on a link of the page is a client navigation (the
 * page is not reloaded: a marker set on the window survives it).
 */
async function expectHydrated(page: Page, path: string, selector: string) {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"], path).toMatch(/script-src [^;]*'(nonce|sha256)-/);
  await page.waitForLoadState("networkidle");
  await expect.poll(() => hydrated(page, selector), { message: `${path}: ${selector} hydrated` }).toBe(true);
}

/** Clicks a link of the page and checks Next's router followed it without reloading the page. */
async function expectClientNavigation(page: Page, linkName: string | RegExp, to: RegExp) {
  await page.evaluate(() => ((window as unknown as { cspMarker: number }).cspMarker = 1));
  await page.getByRole("link", { name: linkName }).first().click();
  await expect(page).toHaveURL(to);
  expect(await page.evaluate(() => (window as unknown as { cspMarker?: number }).cspMarker), `client navigation to ${to}`).toBe(1);
}

test("chaque sorte de page publique exécute ses scripts sans violation de la politique", async ({ page, request }) => {
  const list = await (await request.get("/formations")).text();
  const action = /href="(\/formations\/[^"/?#]+)"/.exec(list)?.[1];
  expect(action, "an action page linked from /formations").toBeTruthy();
  const violations = await watchViolations(page);

  // The home page: a cached shell and the catalogue, regenerated in the background.
  await expectHydrated(page, "/", "main");
  await expectClientNavigation(page, "Voir toutes les formations", /\/formations/);

  // The search page: a prerendered shell, the results rendered per request.
  await expectHydrated(page, "/formations", "main");

  // An action page (cached whole): « Ajouter à ma sélection » is a client component, disabled
  // until it hydrates and reads this browser's selection.
  await expectHydrated(page, action!, "main");
  const select = page.getByRole("button", { name: /^Ajouter à ma sélection/ });
  await expect(select).toBeEnabled();
  await select.click();
  await expect(page.getByRole("button", { name: /^Retirer de ma sélection/ })).toBeVisible();

  // Pages with no data, which the build used to prerender whole: the open-data page, « Accès
  // refusé » and the 404 page of an address no route matches — each on its first request
  // (resumed from the build's shell) and then as cached whole.
  for (let visit = 1; visit <= 2; visit++) {
    await expectHydrated(page, "/donnees-ouvertes", "main");
    await expectClientNavigation(page, "Toutes les formations", /\/formations/);
    await expectHydrated(page, "/acces-refuse", "main");
    await expectHydrated(page, "/page-inexistante", "main");
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expectClientNavigation(page, "Voir toutes les formations", /\/formations/);
    await page.waitForTimeout(1500);
  }

  // The login page: its form is a client component, which checks the fields before sending.
  await expectHydrated(page, "/connexion", "form");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Indiquez votre identifiant.").filter({ visible: true })).toBeVisible();

  expect(violations).toEqual([]);
});

test("les pages privées exécutent leurs scripts sans violation de la politique", async ({ providerPage }) => {
  const violations = await watchViolations(providerPage);
  await expectHydrated(providerPage, "/espace-organisme", "main");
  await expect(providerPage.getByRole("heading", { name: "Vos actions de formation" })).toBeVisible();
  // « Se déconnecter de tous les appareils » is a client component (components/ui/action-button.tsx).
  await expectHydrated(providerPage, "/mon-compte", "main");
  expect(await hydrated(providerPage, 'button:has-text("Se déconnecter de tous les appareils")')).toBe(true);
  expect(violations).toEqual([]);
});

test("le build ne prérend aucune page entière, dont les scripts n’auraient pas de nonce", () => {
  // Any page prerendered whole at build time would hold Next's inline scripts without a nonce;
  // each page's prerendered HTML must be a shell whose only inline script is React's fixed one.
  // Not served as pages: the placeholders of generateStaticParams (« _ », an address no slug has,
  // answered 404 by proxy.ts) and the root error page (shown as plain HTML if the layout fails).
  const server = e2eServer();
  const app = resolve(server.root, server.distDir, "server/app");
  const pages = (readdirSync(app, { recursive: true }) as string[]).filter((file) => file.endsWith(".html") && !/(^|\/)_\.html$|^_global-error\.html$/.test(file));
  expect(pages).toContain("donnees-ouvertes.html");
  for (const file of pages) {
    const inline = [...readFileSync(resolve(app, file), "utf8").matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes]) => !attributes!.includes('type="application/ld+json"'))
      .map(([, , body]) => body);
    expect(inline.filter((body) => body !== "requestAnimationFrame(function(){$RT=performance.now()});"), file).toEqual([]);
  }
});
