// Multi-step journeys shared by the specs. Each one goes through the UI, as a person would.

import { expect, type Page } from "@playwright/test";
import { MASONRY_FORMACODE, type ActionData } from "./data";
import { ActionFormPage } from "./pages/action-form-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { ReviewPage } from "./pages/review-page";
import { QUEUE_URL, ValidationQueuePage } from "./pages/validation-queue-page";
import { visibleText } from "./visible";

/** As a provider: creates an action from « Nouvelle action » and sends it or saves it; returns its id. */
export async function createAction(page: Page, data: ActionData, intent: "submit" | "draft"): Promise<string> {
  const list = new ProviderActionsPage(page);
  await list.goto();
  await list.newActionLink.click();
  await expect(page).toHaveURL(/\/espace-organisme\/actions\/nouvelle/);
  const form = new ActionFormPage(page);
  await expect(page.getByRole("heading", { name: "Nouvelle action de formation" })).toBeVisible();
  await form.fill(data);
  const actionId = intent === "submit" ? await form.submitForValidation() : await form.saveDraft();
  await expect(page.getByRole("heading", { name: data.title, exact: true })).toBeVisible();
  return actionId;
}

/** As staff: opens the submission titled `title` from the queue. Returns its revision id. */
export async function openSubmission(page: Page, title: string): Promise<string> {
  const queue = new ValidationQueuePage(page);
  await queue.goto();
  return queue.open(title);
}

/** As staff: codifies (Formacode 22334) and approves the submission titled `title`. */
export async function approveSubmission(page: Page, title: string): Promise<string> {
  const revisionId = await openSubmission(page, title);
  const review = new ReviewPage(page);
  await review.addFormacode(MASONRY_FORMACODE.query, MASONRY_FORMACODE.code);
  await review.approveButton.click();
  await expect(page).toHaveURL(QUEUE_URL);
  await expect(visibleText(page, `L’action « ${title} » est publiée.`)).toBeVisible();
  return revisionId;
}

/** As staff: sends the submission titled `title` back to its provider with `reason`. */
export async function rejectSubmission(page: Page, title: string, reason: string): Promise<string> {
  const revisionId = await openSubmission(page, title);
  const review = new ReviewPage(page);
  await review.rejectionReason.fill(reason);
  await review.rejectButton.click();
  await expect(page).toHaveURL(QUEUE_URL);
  await expect(visibleText(page, `L’action « ${title} » a été renvoyée à l’organisme.`)).toBeVisible();
  return revisionId;
}
