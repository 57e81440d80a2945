// The catalogue search on the demo data: words without accents, filters that narrow the results
// and are written in the address, a radius around a town, and the accessibility check.

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

const MACON = "Maçon en bâtiment : du gros œuvre à la rénovation";
const PLOMBIER = "Installateur en plomberie et en chauffage"; // its only session to come is in Vandœuvre-lès-Nancy
const SOUDEUR = "Soudeur : soudage à l’arc et semi-automatique"; // in Épinal and Remiremont, 60 km and more from Nancy
const SECRETAIRE = "Secrétaire assistant : accueil, courrier et suivi administratif"; // in Toul, full

test("a search without accents finds the building courses", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.searchFor("batiment macon");
  await expect(page).toHaveURL(/\/formations\?q=batiment\+macon$/);
  await expect(search.result(MACON)).toBeVisible();
  await search.searchFor("maçonerie");
  await expect(search.result(MACON)).toBeVisible();
});

test("filtering by department and « places disponibles uniquement » narrows the results and updates the address", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  const everything = await search.total();
  expect(everything).toBeGreaterThan(0);

  await page.getByLabel("Département").selectOption("54");
  await search.applyFilters();
  await expect(page).toHaveURL(/departement=54/);
  const inDepartment = await search.total();
  expect(inDepartment).toBeLessThan(everything);
  await expect(search.result(SECRETAIRE)).toBeVisible();
  await expect(search.result(SOUDEUR)).toHaveCount(0);

  await page.getByLabel(/Places disponibles uniquement/).check();
  await search.applyFilters();
  await expect(page).toHaveURL(/departement=54.*places=1|places=1.*departement=54/);
  expect(await search.total()).toBeLessThan(inDepartment);
  await expect(search.result(SECRETAIRE)).toHaveCount(0);
  await expect(search.result(MACON)).toBeVisible();

  // Each filter in use can be taken away by a link.
  await page.getByRole("link", { name: /Places disponibles uniquement.*retirer ce filtre/ }).click();
  await expect(page).toHaveURL(/\/formations\?departement=54$/);
});

test("a town with 20 km finds a course in a neighbouring town and not one 60 km away", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?q=soudeur");
  await expect(search.result(SOUDEUR)).toBeVisible();

  await search.goto();
  await page.getByLabel("Ou autour d’une ville").fill("Nancy");
  await page.getByLabel("Dans un rayon de").selectOption("20");
  await search.applyFilters();
  await expect(page).toHaveURL(/ville=Nancy/);
  await expect(search.result(PLOMBIER)).toBeVisible();
  await expect(search.results.getByText("À 3,7 km de Nancy")).toBeVisible();
  await expect(search.result(SOUDEUR)).toHaveCount(0);
  await search.goto("?q=soudeur&ville=Nancy&rayon=50");
  await expect(search.result(SOUDEUR)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Sans le filtre « ville »/ })).toBeVisible();
  // The town replaces the department: the department select says so and counts nothing.
  const department = page.getByLabel("Département");
  await expect(department).toHaveAccessibleDescription(/autour de Nancy/);
  // (Options read « Meurthe-et-Moselle (54) », and « … (54) (3) » with a count.)
  await expect(department.locator("option", { hasText: /\(\d+\)\s*\([\d\s\u202f\u00a0]+\)$/ })).toHaveCount(0);
  await expect(department.locator("option", { hasText: /^[^()]+ \(\d+\)$/ }).first()).toBeAttached();
});

test("hostile query strings still answer the page", async ({ page }) => {
  const long = "maçon ".repeat(900);
  for (const query of [
    `?q=${encodeURIComponent(long)}`,
    "?departement=54'%20OR%201=1--&rayon=9999&du=0000-00-00&au=2027-13-45&page=-1&tri=%3Cscript%3E",
    "?q=%3Cscript%3Ealert(1)%3C/script%3E&financeur=2&financeur=4&niveau=99&ville=%00",
  ]) {
    const response = await page.goto(`/formations${query}`);
    expect(response?.status()).toBe(200);
    await expect(new SearchPage(page).heading).toBeVisible();
  }
  // A training field or a public the thesaurus does not have is ignored, like any unknown value.
  const search = new SearchPage(page);
  const chips = page.getByRole("link", { name: /retirer ce filtre/ });
  await search.goto("?q=soudeur");
  const [plain, plainChips] = [await search.total(), await chips.count()];
  await search.goto("?q=soudeur&domaine=999&public=12345");
  expect(await search.total()).toBe(plain);
  await expect(chips).toHaveCount(plainChips);
});

test("the search page passes the accessibility check", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?q=batiment&departement=54");
  await expect(search.results).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await search.goto("?q=batiment&ville=Nancy&rayon=20");
  const aroundTown = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(aroundTown.violations.map((v) => v.id)).toEqual([]);
  await search.goto("?q=zzzzqqq&places=1");
  const empty = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(empty.violations.map((v) => v.id)).toEqual([]);
});
