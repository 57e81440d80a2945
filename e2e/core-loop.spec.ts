import { accounts } from "./accounts";
import { isoDateFromToday, masonryAction, uniqueSuffix } from "./data";
import { expect, test } from "./fixtures";
import { approveSubmission, createAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { CataloguePage } from "./pages/catalogue-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { ReviewPage } from "./pages/review-page";
import { ValidationQueuePage } from "./pages/validation-queue-page";
import { visibleText } from "./visible";

test.describe("de la saisie à la publication", () => {
  test("un organisme saisit une action, le CARIF la valide, elle est publiée", async ({ providerPage, staffPage, page }) => {
    const action = masonryAction();

    // The provider enters the action and sends it for validation.
    const actionId = await createAction(providerPage, action, "submit");
    await expect(visibleText(providerPage, "En attente de validation").first()).toBeVisible();
    const list = new ProviderActionsPage(providerPage);
    await list.goto();
    await list.expectActionLink(action.title, actionId);
    await list.expectStatus(action.title, "En attente de validation");

    // Not on the public site before validation (R2).
    const catalogue = new CataloguePage(page);
    await catalogue.gotoList(action.title);
    await expect(catalogue.link(action.title)).toHaveCount(0);

    // Staff find it in the queue, with its organisation, and review it.
    const queue = new ValidationQueuePage(staffPage);
    await queue.goto();
    await expect(queue.row(action.title)).toContainText(accounts.provider.organisation);
    await queue.open(action.title);
    await expect(visibleText(staffPage, action.objectives)).toBeVisible();
    await expect(visibleText(staffPage, action.content)).toBeVisible();
    await expect(visibleText(staffPage, "Nancy").first()).toBeVisible();

    // Validation requires a Formacode (R2).
    const review = new ReviewPage(staffPage);
    await review.approveButton.click();
    await expect(visibleText(staffPage, "Choisissez au moins un code Formacode.")).toBeVisible();
    await expect(staffPage).toHaveURL(/\/gestion\/validation\/[^/?#]+/);

    // A chosen code can be removed again.
    await review.addFormacode("maçonnerie", "22334");
    await review.removeFormacodeButton("22334").click();
    await expect(review.removeFormacodeButton("22334")).toHaveCount(0);

    await approveSubmission(staffPage, action.title);
    await expect(queue.link(action.title)).toHaveCount(0);

    // Published at once: the public pages are refreshed by the approval, without a restart.
    await catalogue.openFromList(action.title);
    await expect(catalogue.section("Objectifs")).toBeVisible();
    await expect(catalogue.section("Contenu")).toBeVisible();
    await expect(catalogue.section("Sessions")).toBeVisible();
    await expect(visibleText(page, action.objectives)).toBeVisible();
    await expect(visibleText(page, action.content)).toBeVisible();
    await expect(visibleText(page, "Nancy").first()).toBeVisible();
    await expect(visibleText(page, /places disponibles/).first()).toBeVisible();
    await expect(visibleText(page, accounts.provider.organisation).first()).toBeVisible();

    // The provider sees it as published.
    await list.goto();
    await list.expectStatus(action.title, "Publiée");
  });

  test("la file de validation présente les envois les plus anciens en premier", async ({ providerPage, staffPage }) => {
    const first = masonryAction();
    const second = masonryAction({ title: `Coffrage et ferraillage des ouvrages en béton ${uniqueSuffix()}` });
    await createAction(providerPage, first, "submit");
    await createAction(providerPage, second, "submit");

    const queue = new ValidationQueuePage(staffPage);
    await queue.goto();
    const titles = await staffPage.getByRole("row").allInnerTexts();
    const firstIndex = titles.findIndex((text) => text.includes(first.title));
    const secondIndex = titles.findIndex((text) => text.includes(second.title));
    expect(firstIndex, "first submission listed").toBeGreaterThan(-1);
    expect(secondIndex, "second submission listed").toBeGreaterThan(-1);
    expect(firstIndex).toBeLessThan(secondIndex);
  });
});

test.describe("formulaire d’une action", () => {
  test("les erreurs de saisie s’affichent à côté des champs", async ({ providerPage }) => {
    const form = new ActionFormPage(providerPage);
    await form.gotoNew();

    // Empty title.
    await form.submitButton.click();
    await form.expectFieldError(form.title, "Indiquez l’intitulé de la formation.");
    await expect(providerPage).toHaveURL(/\/espace-organisme\/actions\/nouvelle/);

    // End date before start date.
    const number = await form.addSession();
    await form.fillSession(number, { startDate: isoDateFromToday(60), endDate: isoDateFromToday(50) });
    await form.submitButton.click();
    await form.expectFieldError(
      form.date("Date de fin", form.session(number)),
      "La date de fin doit être postérieure à la date de début.",
    );
    await expect(providerPage).toHaveURL(/\/espace-organisme\/actions\/nouvelle/);

    // A session can be removed.
    await form.session(number).getByRole("button", { name: `Supprimer la session ${number}` }).click();
    await expect(form.session(number)).toHaveCount(0);
  });

  test("un brouillon enregistré apparaît comme « Brouillon »", async ({ providerPage }) => {
    const action = masonryAction();
    const actionId = await createAction(providerPage, action, "draft");

    // The draft page shows the form again, pre-filled.
    const form = new ActionFormPage(providerPage);
    await expect(form.title).toHaveValue(action.title);
    await expect(form.objectives).toHaveValue(action.objectives);
    await expect(form.textbox("Places disponibles", form.session(1))).toHaveValue(String(action.sessions[0]!.places));

    const list = new ProviderActionsPage(providerPage);
    await list.goto();
    await list.expectActionLink(action.title, actionId);
    await list.expectStatus(action.title, "Brouillon");
  });

  test("un organisme peut retirer de la validation une action envoyée", async ({ providerPage }) => {
    const action = masonryAction();
    await createAction(providerPage, action, "submit");

    const form = new ActionFormPage(providerPage);
    await expect(form.withdrawButton).toBeVisible();
    await form.withdrawButton.click();
    // Back to a draft: the form is editable again.
    await expect(form.submitButton).toBeVisible();
    await expect(form.title).toHaveValue(action.title);

    const list = new ProviderActionsPage(providerPage);
    await list.goto();
    await list.expectStatus(action.title, "Brouillon");
  });
});

test("la page d’accueil et la liste des formations s’affichent", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/formation/i);
  const catalogue = new CataloguePage(page);
  await catalogue.gotoList();
});
