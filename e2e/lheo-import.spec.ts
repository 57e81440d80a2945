import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { ProviderActionsPage } from "./pages/provider-actions-page";

// « Importer un fichier LHÉO »: a provider imports a real ONISEP file (LHÉO 2.2) whose first
// formation carries their SIRET and whose second is another organisation's; the report says, per
// formation, what became a draft and why the other did not; the draft is in their list. A file
// with a DOCTYPE is refused with a clear message.

const BTP_SIRET = "41928637200026";
const sample = readFileSync(new URL("../db/reference/lheo/samples/onisep-bts-2.2.xml", import.meta.url), "utf8");

/** The sample's formation twice: once as ours (with a title of this run), once as it is (another SIRET). */
function offerFile(title: string): Buffer {
  const formation = /<formation[\s\S]*<\/formation>/.exec(sample)![0];
  const ours = formation.replace(/<SIRET>\d+<\/SIRET>/, `<SIRET>${BTP_SIRET}</SIRET>`).replace(/<intitule-formation>[^<]*<\/intitule-formation>/, `<intitule-formation>${title}</intitule-formation>`);
  return Buffer.from(sample.replace(formation, `${ours}\n${formation}`), "utf8");
}

test("un organisme importe un fichier LHÉO : un compte rendu par formation, les brouillons dans sa liste", async ({ providerPage: page }) => {
  const title = `Négociation et relation client, import ${Date.now().toString(36)}`;
  const dashboard = new ProviderActionsPage(page);
  await dashboard.goto();
  await page.getByRole("link", { name: "Importer un fichier LHÉO" }).click();
  await expect(page.getByRole("heading", { name: "Importer un fichier LHÉO", level: 1 })).toBeVisible();

  const fileInput = page.getByLabel(/Fichier LHÉO/);
  await fileInput.setInputFiles({ name: "offre-onisep.xml", mimeType: "application/xml", buffer: offerFile(title) });
  await page.getByRole("button", { name: "Importer le fichier" }).click();

  await expect(page.getByText(/Import terminé\s*: 1\s*brouillon créé, 1\s*formation non importée/)).toBeVisible();
  const items = page.getByRole("region", { name: "Compte rendu, formation par formation" }).locator("ol > li");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(title);
  await expect(items.nth(0)).toContainText("Brouillon créé.");
  await expect(items.nth(0)).toContainText("La mise en forme (balises HTML) a été retirée des textes.");
  await expect(items.nth(1)).toContainText("Non importée");
  await expect(items.nth(1)).toContainText("Cette formation est celle d’un autre organisme (SIRET 19290076900014)");

  await items.nth(0).getByRole("link", { name: "Ouvrir le brouillon" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await dashboard.goto();
  await dashboard.expectStatus(title, "Brouillon");

  // A hostile file is refused before anything is written.
  await page.goto("/espace-organisme/actions/importer");
  const hostile = `<?xml version="1.0"?><!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/passwd">]><lheo xmlns="http://lheo.gouv.fr/2.3"><offres/></lheo>`;
  await page.getByLabel(/Fichier LHÉO/).setInputFiles({ name: "piege.xml", mimeType: "application/xml", buffer: Buffer.from(hostile) });
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "DOCTYPE" })).toContainText("Ce fichier contient une déclaration DOCTYPE");
});
