import { FUNDER, masonryAction, modularFundedAction, sameDayNextYear } from "./data";
import { expect, test } from "./fixtures";
import { approveSubmission, createAction, publishAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { ActionHistoryPage } from "./pages/action-history-page";
import { ActionPage } from "./pages/action-page";
import { CataloguePage } from "./pages/catalogue-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";

// Keeping published actions current: places from the dashboard, next year's run, archiving.
// Each test creates and publishes its own action; the seeded ones are left as they are.

test("mise à jour rapide des places : le site garde les anciennes places jusqu’à la validation", async ({
  providerPage,
  staffPage,
  page,
}) => {
  const action = masonryAction();
  const [session] = action.sessions;
  const actionId = await publishAction(providerPage, staffPage, action);

  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);
  const publicSessions = catalogue.region("Sessions");
  await expect(publicSessions).toContainText(`${session!.places} places disponibles`);

  // From the dashboard, without opening the form.
  const dashboard = new ProviderActionsPage(providerPage);
  await dashboard.goto();
  await dashboard.updatePlaces(action.title, [{ places: 5 }]);
  await dashboard.expectStatus(action.title, "En attente de validation");
  await expect(dashboard.row(action.title)).toContainText("Mise à jour des places");
  await expect(dashboard.row(action.title)).toContainText("La version publiée reste en ligne");

  // The public still reads the approved places…
  await catalogue.gotoAction(slug);
  await expect(publicSessions).toContainText(`${session!.places} places disponibles`);
  await expect(publicSessions).not.toContainText("5 places disponibles");

  // …until staff approve the update.
  await approveSubmission(staffPage, action.title);
  await catalogue.gotoAction(slug);
  await expect(publicSessions).toContainText("5 places disponibles");
  await expect(publicSessions).not.toContainText(`${session!.places} places disponibles`);
  await dashboard.goto();
  await dashboard.expectStatus(action.title, "Publiée");

  // The history lists both versions, the second as the quick update.
  const actionPage = new ActionPage(providerPage);
  await actionPage.goto(actionId);
  await actionPage.historyLink.click();
  const history = new ActionHistoryPage(providerPage);
  await expect(history.heading).toBeVisible();
  await expect(history.versionItems()).toHaveCount(2);
  await expect(history.version(1)).toContainText("Envoyée pour validation le");
  await expect(history.version(1)).toContainText("Validée le");
  await expect(history.version(2)).toContainText("mise à jour rapide des places");
  await expect(history.version(2)).toContainText("Validée le");
  await expect(history.version(2)).toContainText("Publiée");
});

test("dupliquer : la copie s’ouvre en brouillon, ses sessions un an plus tard", async ({ providerPage }) => {
  const action = modularFundedAction();
  const actionId = await createAction(providerPage, action, "draft");

  const actionPage = new ActionPage(providerPage);
  const copyId = await actionPage.duplicate();
  await expect(actionPage.heading(action.title)).toBeVisible();
  await expect(providerPage.getByText("Brouillon", { exact: true }).filter({ visible: true })).toBeVisible();

  const form = new ActionFormPage(providerPage);
  await expect(form.title).toHaveValue(action.title);
  await expect(form.sessions()).toHaveCount(action.sessions.length);
  for (const [index, session] of action.sessions.entries()) {
    const copied = form.session(index + 1);
    await expect(form.date("Date de début", copied)).toHaveValue(sameDayNextYear(session.startDate));
    await expect(form.date("Date de fin", copied)).toHaveValue(sameDayNextYear(session.endDate));
    // All the places are open again.
    await expect(form.textbox("Places disponibles", copied)).toHaveValue(String(session.placesTotal));
  }
  // The programme and the funder are kept; the new year's vote is for the provider to give.
  await expect(form.textbox("Titre du module", form.module(1))).toHaveValue(action.modules![0]!.title);
  await expect(form.select("Financeur", form.funder(1))).toHaveValue(FUNDER.region.option);
  await expect(form.voteDate).toHaveValue("");

  // The original is unchanged, and its history tells it was duplicated.
  await actionPage.goto(actionId);
  await expect(form.date("Date de début", form.session(1))).toHaveValue(action.sessions[0]!.startDate);
  await expect(form.voteDate).toHaveValue(action.voteDate!);
  const history = new ActionHistoryPage(providerPage);
  await history.goto(actionId);
  await expect(history.events).toContainText("Action dupliquée");

  const dashboard = new ProviderActionsPage(providerPage);
  await dashboard.goto();
  // Both drafts are listed: the original and its copy.
  const links = dashboard.row(action.title).getByRole("link", { name: action.title, exact: true });
  await expect(links).toHaveCount(2);
  const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href")));
  expect(hrefs.sort()).toEqual([`/espace-organisme/actions/${actionId}`, `/espace-organisme/actions/${copyId}`].sort());
  await expect(dashboard.row(action.title).getByRole("cell", { name: "Brouillon" })).toHaveCount(2);
});

test("archiver retire l’action du site, restaurer l’y remet", async ({ providerPage, staffPage, page }) => {
  const action = masonryAction();
  const actionId = await publishAction(providerPage, staffPage, action);
  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);
  const publicHeading = page.getByRole("heading", { level: 1, name: action.title, exact: true });

  const actionPage = new ActionPage(providerPage);
  await actionPage.goto(actionId);

  // The browser asks first; saying no changes nothing.
  expect(await actionPage.archive({ confirm: false })).toMatch(/^Archiver cette action\s?\?/);
  await expect(actionPage.archiveButton).toBeVisible();
  await catalogue.gotoAction(slug);
  await expect(publicHeading).toBeVisible();

  await actionPage.archive();
  await expect(actionPage.restoreButton).toBeVisible();
  await catalogue.gotoAction(slug);
  await expect(catalogue.notFoundHeading()).toBeVisible();
  await expect(publicHeading).toHaveCount(0);
  await catalogue.gotoList(action.title);
  await expect(catalogue.link(action.title)).toHaveCount(0);

  // Listed with the archived actions, no longer in the dashboard's table.
  const dashboard = new ProviderActionsPage(providerPage);
  await dashboard.goto();
  await expect(dashboard.row(action.title)).toHaveCount(0);
  await providerPage.getByRole("link", { name: "Actions archivées" }).click();
  await expect(providerPage.getByRole("heading", { name: "Actions archivées" })).toBeVisible();
  await providerPage.getByRole("link", { name: action.title, exact: true }).click();

  await actionPage.restore();
  await expect(actionPage.archiveButton).toBeVisible();
  await catalogue.gotoAction(slug);
  await expect(publicHeading).toBeVisible();
  await catalogue.gotoList(action.title);
  await expect(catalogue.link(action.title)).toBeVisible();

  const history = new ActionHistoryPage(providerPage);
  await history.goto(actionId);
  await expect(history.events).toContainText("Action archivée");
  await expect(history.events).toContainText("Action restaurée");
  await expect(history.versionItems()).toHaveCount(1);
});
