import { masonryAction } from "./data";
import { expect, test } from "./fixtures";
import { createAction, openSubmission, rejectSubmission } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { ReviewPage } from "./pages/review-page";
import { ValidationQueuePage } from "./pages/validation-queue-page";
import { visibleText } from "./visible";

test("une action refusée revient à l’organisme avec son motif, qui la corrige et la renvoie", async ({
  providerPage,
  staffPage,
}) => {
  const action = masonryAction();
  const reason = "Précisez le public visé et les prérequis dans les objectifs.";
  const actionId = await createAction(providerPage, action, "submit");

  // A refusal needs a reason.
  await openSubmission(staffPage, action.title);
  const review = new ReviewPage(staffPage);
  await review.rejectButton.click();
  await expect(visibleText(staffPage, "Indiquez le motif du refus.")).toBeVisible();
  await expect(staffPage).toHaveURL(/\/gestion\/validation\/[^/?#]+/);

  await rejectSubmission(staffPage, action.title, reason);
  await expect(new ValidationQueuePage(staffPage).link(action.title)).toHaveCount(0);

  // The provider sees the refusal and its reason in the list…
  const list = new ProviderActionsPage(providerPage);
  await list.goto();
  await list.expectStatus(action.title, "Refusée");
  await expect(list.row(action.title)).toContainText(`Motif du refus : ${reason}`);

  // …and on the action's page, with the form to correct it.
  const form = new ActionFormPage(providerPage);
  await form.gotoAction(actionId);
  await expect(providerPage.getByRole("heading", { name: action.title, exact: true })).toBeVisible();
  await expect(visibleText(providerPage, `Motif du refus : ${reason}`)).toBeVisible();
  await expect(form.title).toHaveValue(action.title);

  const objectives = `Public visé : personnes sans qualification dans le bâtiment, sans prérequis. ${action.objectives}`;
  await form.objectives.fill(objectives);
  const resubmittedId = await form.submitForValidation();
  expect(resubmittedId).toBe(actionId);
  await expect(visibleText(providerPage, "En attente de validation").first()).toBeVisible();

  await list.goto();
  await list.expectStatus(action.title, "En attente de validation");

  // Staff see the corrected version.
  await openSubmission(staffPage, action.title);
  await expect(visibleText(staffPage, objectives)).toBeVisible();
});
