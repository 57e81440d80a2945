import AxeBuilder from "@axe-core/playwright";
import { masonryAction } from "./data";
import { expect, test } from "./fixtures";
import { approveSubmission, createAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { ActionPage } from "./pages/action-page";
import { CataloguePage } from "./pages/catalogue-page";
import type { Page } from "@playwright/test";

// The public pages: served as cached HTML, refreshed when what they show changes, 404 for what
// left diffusion, accessible (axe, keyboard) and with the counsellor's selection.

/** A demo organisation with a valid dossier, and the one whose dossier is more than 12 months old (R8). */
const DIFFUSED_ORGANISATION = { slug: "batiment-formation-lorraine", name: "Bâtiment Formation Lorraine" };
const EXPIRED_ORGANISATION_SLUG = "maison-des-langues-de-moselle-est";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The first action listed on the home page: its address and title. */
async function firstHomeAction(page: Page) {
  await page.goto("/");
  const link = page.getByRole("list", { name: "Formations" }).getByRole("link").first();
  const title = (await link.textContent())!.trim();
  const href = (await link.getAttribute("href"))!;
  return { href, title };
}

test("les pages publiques passent axe sans aucune erreur", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Trouver une formation financée en Lorraine" })).toBeVisible();
  await expectNoAxeViolations(page);

  const { href, title } = await firstHomeAction(page);
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/organismes/${DIFFUSED_ORGANISATION.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: DIFFUSED_ORGANISATION.name })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/selection");
  await expect(page.getByRole("heading", { level: 1, name: "Ma sélection de formations" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("au clavier : lien d’évitement, focus visible, ajout à la sélection", async ({ page }) => {
  const { href, title } = await firstHomeAction(page);
  await page.goto(href);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);

  // Tab until the selection button, then press it with the keyboard.
  const add = page.getByRole("button", { name: /^Ajouter à ma sélection/ });
  for (let i = 0; i < 15 && !(await add.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(add).toBeFocused();
  const outline = await add.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Retirer de ma sélection : ${title}` })).toBeVisible();
});

test("la sélection se garde dans le navigateur et s’envoie par un lien", async ({ page, browser, baseURL }) => {
  const { href, title } = await firstHomeAction(page);
  await page.goto(href);
  await page.getByRole("button", { name: `Ajouter à ma sélection : ${title}` }).click();
  await page.goto("/selection");
  await page.getByRole("link", { name: "Afficher la formation de votre sélection" }).click();
  await expect(page).toHaveURL(/\/selection\?ids=[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The link works in another browser, without the selection stored there.
  const shared = page.url();
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(shared);
  await expect(otherPage.getByRole("link", { name: title, exact: true })).toBeVisible();
  await other.close();

  // Bad ids in a link are dropped, and the page still answers.
  const response = await page.goto("/selection?ids=not-an-id,<script>,&ids=%00");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Votre sélection", { exact: false }).first()).toBeVisible();

  await page.goto(href);
  await page.getByRole("button", { name: `Retirer de ma sélection : ${title}` }).click();
  await page.goto("/selection");
  await expect(page.getByText(/^Votre sélection est vide/)).toBeVisible();
});

test("« Ajouter à ma sélection » depuis les résultats d’une recherche", async ({ page }) => {
  await page.goto("/formations?q=macon");
  const results = page.getByRole("list", { name: "Formations trouvées" });
  const first = results.locator(":scope > li").first();
  const title = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
  await first.getByRole("button", { name: `Ajouter à ma sélection : ${title}` }).click();
  await expect(first.getByRole("button", { name: `Retirer de ma sélection : ${title}` })).toBeVisible();
  await page.goto("/selection");
  await page.getByRole("link", { name: "Afficher la formation de votre sélection" }).click();
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
});

test("une page d’action en cache montre la nouvelle version dès la requête suivante, et 404 quand elle quitte le site", async ({
  providerPage,
  staffPage,
  page,
}) => {
  const action = masonryAction();
  const actionId = await createAction(providerPage, action, "submit");
  await approveSubmission(staffPage, action.title);
  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);

  // Served from the cache once rendered.
  await page.goto(`/formations/${slug}`);
  const cached = await page.request.get(`/formations/${slug}`);
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  // Without an ETag, which Next would make by hashing the whole page again on each hit (next.config.ts).
  expect(cached.headers()["etag"]).toBeUndefined();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "Course", name: action.title });

  // The provider rewrites the objectives (same title, same address); staff approve.
  const newObjectives = `Savoir monter un mur en briques et poser un enduit à la chaux, du chantier à la finition (${Date.now()}).`;
  const form = new ActionFormPage(providerPage);
  await form.gotoAction(actionId);
  await form.objectives.fill(newObjectives);
  expect(await form.submitForValidation()).toBe(actionId);
  await approveSubmission(staffPage, action.title);

  await page.goto(`/formations/${slug}`);
  await expect(page.getByText(newObjectives)).toBeVisible();

  // Archived: it leaves the site, with a real 404.
  const providerAction = new ActionPage(providerPage);
  await providerAction.goto(actionId);
  await providerAction.archive();
  const gone = await page.goto(`/formations/${slug}`);
  expect(gone?.status()).toBe(404);
  await expect(catalogue.notFoundHeading()).toBeVisible();
});

test("organisme : sa page et ses formations ; 404 quand son dossier a expiré ; adresses mal écrites", async ({ page }) => {
  const response = await page.goto(`/organismes/${DIFFUSED_ORGANISATION.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: "Ses formations en ligne" })).toBeVisible();
  const firstAction = page.getByRole("list", { name: "Formations" }).getByRole("link").first();
  await firstAction.click();
  await expect(page.getByRole("link", { name: DIFFUSED_ORGANISATION.name }).first()).toBeVisible();

  const expired = await page.goto(`/organismes/${EXPIRED_ORGANISATION_SLUG}`);
  expect(expired?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();

  // Its actions come by pages of 20: a demo organisation has one page, so no page 2; page 1 is
  // the organisation's page itself; an expired organisation has no pages at all.
  const base = `/organismes/${DIFFUSED_ORGANISATION.slug}/page`;
  for (const path of [`${base}/2`, `${base}/1`, `${base}/01`, `${base}/abc`, `${base}/${"9".repeat(50)}`, `/organismes/${EXPIRED_ORGANISATION_SLUG}/page/2`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/formations/x-%", "/formations/%5B%5D", `/formations/${"a".repeat(5000)}`, "/organismes/x-%25%", "/organismes/x-%25%/page/2"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const robots = await page.request.get("/robots.txt");
  expect(await robots.text()).toMatch(/Disallow: \/gestion/);
  expect(await robots.text()).toMatch(/Disallow: \/mon-compte/);
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/organismes/${DIFFUSED_ORGANISATION.slug}</loc>`);
  expect(sitemap).not.toContain(EXPIRED_ORGANISATION_SLUG);
});
