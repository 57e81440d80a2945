import { MASONRY_MODULES, PUBLIC, REGION_VOTE, modularFundedAction, toulSession } from "./data";
import { expect, test } from "./fixtures";
import { approveSubmission } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { CataloguePage } from "./pages/catalogue-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { visibleText } from "./visible";

// The provider's complete action, as a person enters it: a modular course funded by the Région,
// with two sessions, from « Nouvelle action » to the public page. Every control is reached by its
// role and label (the page object selects nothing else), and the comboboxes work from the keyboard.

const VOTE_DATE_MISSING = "Indiquez la date du vote ou de la décision du financeur public : elle figure dans la phrase publiée.";
const CACES_EXPANDED = "certificat d’aptitude à la conduite en sécurité (CACES)";

test("un organisme saisit une action modulaire financée par la Région, avec deux sessions, jusqu’à sa publication", async ({
  providerPage,
  staffPage,
  page,
}) => {
  const [nancy] = modularFundedAction().sessions;
  const toul = toulSession();
  const action = modularFundedAction({
    objectives:
      "Monter des murs, couler des dalles et conduire une mini-pelle en sécurité : vous passerez le CACES R482 en fin de parcours.",
    // Left empty at first: the Région is a public funder, so sending is refused without it.
    voteDate: undefined,
    sessions: [nancy!],
  });
  const expandedObjectives = action.objectives.replace("CACES", CACES_EXPANDED);

  const dashboard = new ProviderActionsPage(providerPage);
  await dashboard.goto();
  await dashboard.newActionLink.click();
  const form = new ActionFormPage(providerPage);
  await expect(providerPage.getByRole("heading", { name: "Nouvelle action de formation" })).toBeVisible();

  await test.step("le sigle est signalé en quittant le champ, et la formulation proposée acceptée en un clic", async () => {
    await form.fill({ title: action.title });
    await form.objectives.fill(action.objectives);
    await form.objectives.press("Tab");
    await expect(form.objectives).toHaveAccessibleDescription(/Sigle à expliquer\s*:\s*«\s*CACES\s*»/);
    await form.suggestionButton(CACES_EXPANDED).click();
    await expect(form.objectives).toHaveValue(expandedObjectives);
    await expect(form.suggestionButton(CACES_EXPANDED)).toHaveCount(0);
    // The button went with the note: the focus is back in the field it was about.
    await expect(form.objectives).toBeFocused();
  });

  await test.step("le reste de l’action, modules et financement compris", async () => {
    await form.fill({ ...action, title: undefined, objectives: undefined });
    await expect(visibleText(providerPage, "Total des modules : 350 heures, pour une durée totale de 350 heures.")).toBeVisible();
    await expect(visibleText(providerPage, "Formation financée par la Région Grand Est.")).toBeVisible();
  });

  await test.step("au clavier : un public choisi avec les flèches et Entrée", async () => {
    await form.publicCombobox.pressSequentially("demandeur");
    // The first match is highlighted as one types (WAI-ARIA combobox with automatic selection).
    await expect(form.publicCombobox).toHaveAttribute("aria-expanded", "true");
    await expect(form.highlightedOption("Public visé")).toHaveText(PUBLIC.longTermJobSeeker.option);
    await form.publicCombobox.press("ArrowDown");
    await expect(form.highlightedOption("Public visé")).toHaveText(PUBLIC.youngJobSeeker.option);
    await form.publicCombobox.press("Enter");
    await expect(form.chosenPublics.getByRole("listitem")).toContainText([PUBLIC.jobSeeker.option, PUBLIC.youngJobSeeker.option]);
    await expect(form.publicCombobox).toHaveValue("");
    // Enter picked an option; it did not send the form.
    await expect(providerPage).toHaveURL(/\/espace-organisme\/actions\/nouvelle/);
  });

  await test.step("une seconde session, la commune choisie au clavier remplit le code postal", async () => {
    const number = await form.addSession();
    const session = form.session(number);
    await form.fillSession(number, { ...toul, town: undefined });
    const commune = form.select("Commune", session);
    await commune.pressSequentially(toul.town);
    await expect(form.highlightedOption("Commune", session)).toHaveText(toul.townOption);
    await commune.press("Enter");
    await expect(commune).toHaveValue(toul.townOption);
    await expect(form.textbox("Code postal", session)).toHaveValue("54200");
  });

  await test.step("sans date de vote, l’envoi est bloqué avec le message à côté du champ et dans le récapitulatif", async () => {
    await form.submitButton.click();
    await expect(visibleText(providerPage, "L’action ne peut pas encore être envoyée : corrigez les champs signalés.")).toBeVisible();
    await form.expectFieldError(form.voteDate, VOTE_DATE_MISSING);
    await expect(form.voteDate).toBeFocused();
    // The only point left: everything else « Envoyer pour validation » needs is there.
    await expect(form.summary).toContainText("Un point reste à compléter");
    await expect(form.summary.getByRole("listitem")).toHaveCount(1);
    await expect(form.summary.getByRole("listitem")).toContainText(VOTE_DATE_MISSING);
    await expect(form.summary.getByRole("link", { name: "Financement · Date du vote ou de la décision" })).toHaveAttribute(
      "href",
      `#${await form.voteDate.getAttribute("id")}`,
    );
    await expect(providerPage).toHaveURL(/\/espace-organisme\/actions\/nouvelle/);
  });

  await test.step("avec la date de vote, l’action part en validation", async () => {
    await form.voteDate.fill(REGION_VOTE.date);
    await expect(visibleText(providerPage, `Formation financée par la Région Grand Est, décision du ${REGION_VOTE.long}.`)).toBeVisible();
    await expect(form.summary).toContainText("Tout ce qui est nécessaire est rempli");
    await form.submitForValidation();
    await expect(providerPage.getByRole("heading", { name: action.title, exact: true })).toBeVisible();
  });

  await approveSubmission(staffPage, action.title);

  await test.step("la page publique montre les modules, la phrase de financement et les deux adresses", async () => {
    const catalogue = new CataloguePage(page);
    await catalogue.openFromList(action.title);
    await expect(visibleText(page, expandedObjectives)).toBeVisible();

    const modules = catalogue.region("Modules").getByRole("listitem");
    await expect(modules).toHaveCount(MASONRY_MODULES.length);
    for (const [index, { title, hours }] of MASONRY_MODULES.entries()) {
      await expect(modules.nth(index)).toContainText(`${title} : ${hours} heures`);
    }

    const funding = catalogue.region("Prix et financement");
    await expect(funding).toContainText(`Formation financée par la Région Grand Est, décision du ${REGION_VOTE.long}.`);
    await expect(funding).toContainText("Gratuit pour la personne formée.");

    const sessions = catalogue.region("Sessions").getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: `${nancy!.street}, ${nancy!.postcode} Nancy` })).toHaveCount(1);
    await expect(sessions.filter({ hasText: `${toul.street}, ${toul.street2}, 54200 Toul` })).toHaveCount(1);
  });
});

test("retirer une session ou un financeur laisse le focus sur le titre de la liste, pas sur la page", async ({ providerPage }) => {
  const form = new ActionFormPage(providerPage);
  await form.gotoNew();
  const number = await form.addSession();
  await form.session(number).getByRole("button", { name: `Supprimer la session ${number}` }).click();
  await expect(form.session(number)).toHaveCount(0);
  await expect(providerPage.getByRole("heading", { name: "Sessions", exact: true })).toBeFocused();

  await form.addFunderButton.click();
  const funder = form.funder(1);
  await funder.getByRole("button", { name: "Retirer le financeur 1" }).click();
  await expect(providerPage.getByRole("heading", { name: "Financeurs", exact: true })).toBeFocused();
});
