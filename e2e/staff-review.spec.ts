import { masonryAction } from "./data";
import { expect, test } from "./fixtures";
import { openSubmission, publishAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { ActionHistoryPage } from "./pages/action-history-page";
import { ActionPage } from "./pages/action-page";
import { CataloguePage } from "./pages/catalogue-page";
import { MailsPage } from "./pages/mails-page";
import { ReviewPage } from "./pages/review-page";
import { QUEUE_URL } from "./pages/validation-queue-page";
import { visibleText } from "./visible";

// R2: staff check and codify every change before it is published. They may correct the wording
// (a typo, an acronym) before approving; the provider then sees exactly what they changed.

test("le centre voit ce qui change, corrige un mot, codifie sans accents et valide ; l’organisme voit la correction", async ({
  providerPage,
  staffPage,
  adminPage,
  page,
}) => {
  const action = masonryAction();
  const actionId = await publishAction(providerPage, staffPage, action);
  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);

  // The provider adds a sentence to the objectives of the published action, with a typo.
  const typo = "facade";
  const corrected = "façade";
  const sent = `${action.objectives} Enduire un mur de ${typo} à la chaux.`;
  const approved = sent.replace(typo, corrected);
  const form = new ActionFormPage(providerPage);
  await form.gotoAction(actionId);
  await expect(form.objectives).toHaveValue(action.objectives);
  // Typed while the form is still starting, the text can land after the old one: type again until it reads right.
  await expect(async () => {
    await form.objectives.fill(sent);
    await expect(form.objectives).toHaveValue(sent, { timeout: 1_000 });
  }).toPass();
  expect(await form.submitForValidation()).toBe(actionId);

  // Staff open it from the queue and see what changed: only the objectives, the new words marked.
  await openSubmission(staffPage, action.title);
  const review = new ReviewPage(staffPage);
  const objectives = review.changedField("Objectifs");
  await expect(objectives).toBeVisible();
  await expect(objectives.getByRole("insertion").filter({ hasText: typo })).toBeVisible();
  await expect(objectives.getByRole("insertion").filter({ hasText: "parpaings" })).toHaveCount(0);
  await expect(objectives.getByRole("deletion")).toHaveCount(0);
  await expect(review.changedField("Intitulé de la formation")).toHaveCount(0);
  await expect(review.changedField("Contenu")).toHaveCount(0);

  // They correct the typo, keep the Formacode of the published version and add one found by
  // typing part of its label without accents, then approve.
  await review.correctWording("Objectifs", typo, corrected);
  await expect(review.removeFormacodeButton("22334")).toBeVisible();
  await review.addFormacode("maconnerie", "22301");
  await expect(review.removeFormacodeButton("22301")).toHaveAccessibleName(/Enduit maçonnerie/);
  await review.approveButton.click();
  await expect(staffPage).toHaveURL(QUEUE_URL);
  await expect(visibleText(staffPage, `L’action « ${action.title} » est publiée.`)).toBeVisible();

  // The public page shows the corrected text.
  await catalogue.gotoAction(slug);
  await expect(page.getByRole("heading", { name: action.title, exact: true })).toBeVisible();
  await expect(catalogue.region("Objectifs")).toHaveText(new RegExp(`${approved.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));

  // The provider is told, and the action's history shows what staff changed, word by word.
  const actionPage = new ActionPage(providerPage);
  await actionPage.goto(actionId);
  await expect(visibleText(providerPage, /^Le centre a corrigé la rédaction de votre action en la validant\./)).toBeVisible();
  await expect(form.objectives).toHaveValue(approved);
  await providerPage.getByRole("link", { name: "Voir ce qui a changé", exact: true }).click();
  const history = new ActionHistoryPage(providerPage);
  await expect(history.heading).toBeVisible();
  const version = history.version(2);
  await expect(version).toContainText("Le centre a corrigé la rédaction avant de valider");
  const change = version.getByRole("row").filter({ has: providerPage.getByRole("rowheader", { name: "Objectifs", exact: true }) });
  await expect(change.getByRole("deletion")).toHaveText([new RegExp(`${typo}$`)]);
  await expect(change.getByRole("insertion")).toHaveText([new RegExp(`${corrected}$`)]);
  await expect(history.version(1)).not.toContainText("Le centre a corrigé la rédaction");

  // So does the decision mail.
  const mail = await new MailsPage(adminPage).read(`Action validée : ${action.title}`, { hasText: "corrigé la rédaction" });
  expect(mail).toContain("En la validant, le centre a corrigé la rédaction :");
  expect(mail).toContain(`- Objectifs\n  avant : ${sent}\n  après : ${approved}`);
  expect(mail).toContain(`/espace-organisme/actions/${actionId}`);
});
