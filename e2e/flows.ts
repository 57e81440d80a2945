// Multi-step journeys shared by the specs. Each one goes through the UI, as a person would.

import { expect, type Page } from "@playwright/test";
import { MASONRY_FORMACODE, validSiret, type ActionData } from "./data";
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

/** As the provider then as staff: sends a new action and approves it, so that it is published; returns its id. */
export async function publishAction(providerPage: Page, staffPage: Page, data: ActionData): Promise<string> {
  const actionId = await createAction(providerPage, data, "submit");
  await approveSubmission(staffPage, data.title);
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

const TEMPORARY_PASSWORD = /^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/;

/** As staff: the codes shown once on the page, after a creation or a reset. */
export async function issuedCodes(page: Page): Promise<{ identifier: string; password: string }> {
  const panel = page.getByRole("region", { name: /^Codes provisoires de / });
  await expect(panel).toBeVisible();
  await expect(visibleText(panel, /ils ne seront plus affichés/)).toBeVisible();
  const identifier = (await panel.getByTestId("issued-identifier").textContent())!.trim();
  const password = (await panel.getByTestId("issued-password").textContent())!.trim();
  expect(password).toMatch(TEMPORARY_PASSWORD);
  return { identifier, password };
}

/**
 * As staff: « Créer un organisme » named `name` with its first account (whose e-mail address is
 * `personEmail`), then opens its page; returns the codes shown once.
 */
export async function createOrganisation(
  page: Page,
  name: string,
  { personEmail = "claire.martin@atelier-e2e.example.org" }: { personEmail?: string } = {},
): Promise<{ identifier: string; password: string }> {
  await page.goto("/gestion/organismes");
  await page.getByRole("link", { name: "Créer un organisme" }).click();
  await expect(page.getByRole("heading", { name: "Créer un organisme" })).toBeVisible();
  await page.getByLabel("Raison sociale", { exact: true }).fill(name);
  await page.getByLabel("Numéro SIRET", { exact: true }).fill(validSiret());
  await page.getByLabel("Code postal", { exact: true }).fill("54000");
  await page.getByRole("combobox", { name: "Commune" }).fill("Nancy");
  await page.getByRole("option", { name: "Nancy (54)", exact: true }).click();
  await page.getByLabel("Adresse électronique de l’organisme", { exact: true }).fill("contact@atelier-e2e.example.org");
  await page.getByLabel("Prénom et nom", { exact: true }).fill("Claire Martin");
  await page.getByLabel("Adresse électronique de la personne", { exact: true }).fill(personEmail);
  await page.getByRole("button", { name: "Créer l’organisme et son compte" }).click();
  const codes = await issuedCodes(page);
  await page.getByRole("link", { name: "Ouvrir la fiche de l’organisme" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  return codes;
}
