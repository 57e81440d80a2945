import { masonryAction, uniqueSuffix } from "./data";
import { expect, test } from "./fixtures";
import { approveSubmission, publishAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { CataloguePage } from "./pages/catalogue-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { visibleText } from "./visible";

// R6: the published version stays online until staff approve the new one.
test("une action publiée modifiée garde sa version en ligne jusqu’à la nouvelle validation", async ({
  providerPage,
  staffPage,
  page,
}) => {
  const action = masonryAction();
  const actionId = await publishAction(providerPage, staffPage, action);

  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);

  // The provider renames the published action and sends the new version.
  const newTitle = `Maçonnerie, coffrage et enduits pour débutants ${uniqueSuffix()}`;
  const form = new ActionFormPage(providerPage);
  await form.gotoAction(actionId);
  await expect(form.title).toHaveValue(action.title);
  await form.title.fill(newTitle);
  expect(await form.submitForValidation()).toBe(actionId);
  await expect(visibleText(providerPage, "En attente de validation").first()).toBeVisible();

  // The public keeps reading the approved version.
  await page.goto(`/formations/${slug}`);
  await expect(page.getByRole("heading", { name: action.title, exact: true })).toBeVisible();
  await expect(visibleText(page, newTitle)).toHaveCount(0);
  await catalogue.gotoList(action.title);
  await expect(catalogue.link(action.title)).toBeVisible();
  await catalogue.gotoList(newTitle);
  await expect(catalogue.link(newTitle)).toHaveCount(0);

  // Once staff approve, the new title is what the public reads.
  await approveSubmission(staffPage, newTitle);
  await catalogue.openFromList(newTitle);
  await expect(visibleText(page, action.title)).toHaveCount(0);
  await catalogue.gotoList(action.title);
  await expect(catalogue.link(action.title)).toHaveCount(0);

  const list = new ProviderActionsPage(providerPage);
  await list.goto();
  await list.expectStatus(newTitle, "Publiée");
});
