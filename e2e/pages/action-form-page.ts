import { expect, type Locator, type Page } from "@playwright/test";
import type { ActionData, Choice, FunderData, ModuleData, SessionData } from "../data";
import { visibleText } from "../visible";

/** Matches /espace-organisme/actions/<actionId>, capturing the id (never « nouvelle »). */
export const ACTION_PAGE_URL = /\/espace-organisme\/actions\/(?!nouvelle(?:[/?#]|$))([^/?#]+)\/?(?:[?#].*)?$/;

export function actionIdFromUrl(url: string): string {
  const match = ACTION_PAGE_URL.exec(url);
  if (!match?.[1]) throw new Error(`Not an action page: ${url}`);
  return match[1];
}

/** Text fields of the form, by their label: what `fill` types when the data gives it. */
const TEXT_FIELDS = {
  title: "Intitulé de la formation",
  objectives: "Objectifs",
  results: "Résultats attendus",
  content: "Contenu",
  prerequisites: "Prérequis (facultatif)",
  specificConditions: "Conditions spécifiques (facultatif)",
  accessibility: "Accessibilité aux personnes handicapées (facultatif)",
  rhythm: "Rythme",
  hoursCentre: "Heures en centre",
  hoursCompany: "Heures en entreprise",
  alternance: "Modalités d’alternance",
  price: "Prix total en euros, toutes taxes comprises",
  fundingComment: "Commentaire sur le financement (facultatif)",
} as const satisfies Partial<Record<keyof ActionData, string>>;

const SELECTS = {
  pathway: "Type de parcours",
  entryLevel: "Niveau d’entrée",
  exitLevel: "Niveau de sortie",
  teachingMode: "Modalités d’enseignement",
  fundingKind: "Type de financement",
} as const satisfies Partial<Record<keyof ActionData, string>>;

const CHECKBOXES = {
  permanentEntry: "Entrées et sorties permanentes",
  free: "Gratuit pour la personne formée",
  costCoverage: "Prise en charge des frais possible",
} as const satisfies Partial<Record<keyof ActionData, string>>;

const DATES = {
  voteDate: "Date du vote ou de la décision",
  notifiedOn: "Date de notification du conventionnement (facultatif)",
} as const satisfies Partial<Record<keyof ActionData, string>>;

/**
 * The provider's action form: /espace-organisme/actions/nouvelle and an action's own page.
 * Controls are found by role and accessible name, as assistive technologies find them. Roles,
 * not labels, also because Next keeps the previous route's page in the DOM, hidden, and roles
 * only see what is on screen.
 */
export class ActionFormPage {
  readonly title: Locator;
  readonly objectives: Locator;
  readonly content: Locator;
  readonly permanentEntry: Locator;
  readonly publicCombobox: Locator;
  readonly chosenPublics: Locator;
  readonly voteDate: Locator;
  readonly summary: Locator;
  readonly addSessionButton: Locator;
  readonly addModuleButton: Locator;
  readonly addFunderButton: Locator;
  readonly saveDraftButton: Locator;
  readonly submitButton: Locator;
  readonly withdrawButton: Locator;

  constructor(readonly page: Page) {
    this.title = this.textbox(TEXT_FIELDS.title);
    this.objectives = this.textbox(TEXT_FIELDS.objectives);
    this.content = this.textbox(TEXT_FIELDS.content);
    this.permanentEntry = this.checkbox(CHECKBOXES.permanentEntry);
    this.publicCombobox = this.select("Public visé");
    this.chosenPublics = page.getByRole("list", { name: "Publics choisis" });
    this.voteDate = this.date(DATES.voteDate);
    this.summary = page.getByRole("region", { name: "Avant d’envoyer pour validation" });
    this.addSessionButton = page.getByRole("button", { name: "Ajouter une session" });
    this.addModuleButton = page.getByRole("button", { name: "Ajouter un module" });
    this.addFunderButton = page.getByRole("button", { name: "Ajouter un financeur" });
    this.saveDraftButton = page.getByRole("button", { name: "Enregistrer le brouillon" });
    this.submitButton = page.getByRole("button", { name: "Envoyer pour validation" });
    this.withdrawButton = page.getByRole("button", { name: "Retirer de la validation" });
  }

  /** A text field (input, textarea, date) by its label. */
  textbox(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByRole("textbox", { name: fieldName(label) });
  }

  /** A list (<select>) or a search-as-you-type combobox by its label. */
  select(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByRole("combobox", { name: fieldName(label) });
  }

  checkbox(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByRole("checkbox", { name: fieldName(label, { withDescription: true }) });
  }

  date(label: string, scope: Page | Locator = this.page): Locator {
    return this.textbox(label, scope);
  }

  async gotoNew() {
    await this.page.goto("/espace-organisme/actions/nouvelle");
    await expect(this.page.getByRole("heading", { name: "Nouvelle action de formation" })).toBeVisible();
  }

  async gotoAction(actionId: string) {
    await this.page.goto(`/espace-organisme/actions/${actionId}`);
  }

  session(number: number): Locator {
    return this.page.getByRole("group", { name: `Session ${number}`, exact: true });
  }

  sessions(): Locator {
    return this.page.getByRole("group", { name: /^Session \d+$/ });
  }

  module(number: number): Locator {
    return this.page.getByRole("group", { name: `Module ${number}`, exact: true });
  }

  funder(number: number): Locator {
    return this.page.getByRole("group", { name: `Financeur ${number}`, exact: true });
  }

  /** The « Remplacer par « … » » button of a plain-language suggestion. */
  suggestionButton(suggestion: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^Remplacer par «\\s*${escapeRegExp(suggestion)}\\s*»$`) });
  }

  /** The option highlighted in the list of the combobox labelled `label` (aria-selected). */
  highlightedOption(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByRole("listbox", { name: label, exact: true }).getByRole("option", { selected: true });
  }

  /** Types `choice.search` in a combobox and clicks its option. */
  async choose(combobox: Locator, choice: Choice) {
    await combobox.fill(choice.search);
    await this.page.getByRole("option", { name: choice.option, exact: true }).click();
  }

  async addPublic(choice: Choice) {
    await this.choose(this.publicCombobox, choice);
    await expect(this.chosenPublics.getByRole("listitem").filter({ hasText: choice.option })).toBeVisible();
  }

  /** Clicks « Ajouter une session » and returns the new session's number. */
  async addSession(): Promise<number> {
    const number = (await this.sessions().count()) + 1;
    await this.addSessionButton.click();
    await expect(this.session(number)).toBeVisible();
    return number;
  }

  async fillSession(number: number, data: Partial<SessionData>) {
    const session = this.session(number);
    if (data.startDate !== undefined) await this.date("Date de début", session).fill(data.startDate);
    if (data.endDate !== undefined) await this.date("Date de fin", session).fill(data.endDate);
    if (data.street !== undefined) await this.textbox("Numéro et rue", session).fill(data.street);
    if (data.street2 !== undefined) await this.textbox("Complément d’adresse (facultatif)", session).fill(data.street2);
    if (data.postcode !== undefined) await this.textbox("Code postal", session).fill(data.postcode);
    if (data.town !== undefined) {
      await this.choose(this.select("Commune", session), {
        search: data.town,
        option: data.townOption ?? data.town,
      });
    }
    if (data.placesTotal !== undefined) await this.textbox("Nombre total de places", session).fill(String(data.placesTotal));
    if (data.places !== undefined) await this.textbox("Places disponibles", session).fill(String(data.places));
    if (data.recruitment !== undefined) await this.select("État du recrutement", session).selectOption({ label: data.recruitment });
  }

  async addModule(data: ModuleData): Promise<number> {
    const number = (await this.page.getByRole("group", { name: /^Module \d+$/ }).count()) + 1;
    await this.addModuleButton.click();
    const group = this.module(number);
    await this.textbox("Titre du module", group).fill(data.title);
    if (data.content !== undefined) await this.textbox("Contenu du module (facultatif)", group).fill(data.content);
    await this.textbox("Durée du module en heures", group).fill(String(data.hours));
    return number;
  }

  async addFunder(data: FunderData): Promise<number> {
    const number = (await this.page.getByRole("group", { name: /^Financeur \d+$/ }).count()) + 1;
    await this.addFunderButton.click();
    const funder = this.funder(number);
    await this.choose(this.select("Financeur", funder), data);
    if (data.places !== undefined) await this.textbox("Places financées", funder).fill(String(data.places));
    return number;
  }

  /**
   * Fills what `data` gives, section by section as a person does; lists (publics, modules,
   * funders, sessions) are added to what the form already holds.
   */
  async fill(data: Partial<ActionData>) {
    const text = async (key: keyof typeof TEXT_FIELDS) => {
      const value = data[key];
      if (value !== undefined) await this.textbox(TEXT_FIELDS[key]).fill(String(value));
    };
    const select = async (key: keyof typeof SELECTS) => {
      const value = data[key];
      if (value !== undefined) await this.select(SELECTS[key]).selectOption({ label: value });
    };
    const check = async (key: keyof typeof CHECKBOXES) => {
      const value = data[key];
      if (value !== undefined) await this.checkbox(CHECKBOXES[key]).setChecked(value);
    };
    const date = async (key: keyof typeof DATES) => {
      const value = data[key];
      if (value !== undefined) await this.date(DATES[key]).fill(value);
    };

    // La formation
    for (const key of ["title", "objectives", "results", "content"] as const) await text(key);
    if (data.certification) {
      await this.checkbox("Formation certifiante").check();
      await this.select("Répertoire").selectOption({ label: data.certification.register });
      await this.textbox("Numéro de la fiche").fill(data.certification.code);
      await this.textbox("Intitulé de la certification").fill(data.certification.label);
    }
    for (const key of ["pathway", "entryLevel", "exitLevel"] as const) await select(key);
    // Public et conditions d’accès
    for (const choice of data.publics ?? []) await this.addPublic(choice);
    for (const key of ["prerequisites", "specificConditions", "accessibility"] as const) await text(key);
    // Organisation de la formation
    await text("rhythm");
    await select("teachingMode");
    for (const key of ["hoursCentre", "hoursCompany", "alternance"] as const) await text(key);
    await check("permanentEntry");
    // Programme par modules (shown once the pathway is modular)
    for (const item of data.modules ?? []) await this.addModule(item);
    // Prix et financement
    await check("free");
    await text("price");
    await check("costCoverage");
    for (const funder of data.funders ?? []) await this.addFunder(funder);
    await date("voteDate");
    await date("notifiedOn");
    await select("fundingKind");
    await text("fundingComment");
    // Sessions
    for (const session of data.sessions ?? []) {
      const number = await this.addSession();
      await this.fillSession(number, session);
    }
  }

  /** The error shown next to a field, tied to it as its accessible description. */
  async expectFieldError(field: Locator, message: string | RegExp) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(typeof message === "string" ? new RegExp(escapeRegExp(message)) : message);
  }

  /**
   * Clicks and waits for the server action's answer: on an action's page already showing « Brouillon
   * enregistré. », the URL and the message alone would not tell that this save went through.
   */
  async clickAndWaitForServerAction(button: Locator) {
    const answered = this.page.waitForResponse((response) => {
      const request = response.request();
      return request.method() === "POST" && Boolean(request.headers()["next-action"]);
    });
    await button.click();
    await answered;
  }

  /** Clicks « Envoyer pour validation » and waits for the action's page; returns its id. */
  async submitForValidation(): Promise<string> {
    await this.clickAndWaitForServerAction(this.submitButton);
    await this.page.waitForURL(ACTION_PAGE_URL);
    await expect(visibleText(this.page, "Votre action a été envoyée pour validation.")).toBeVisible();
    return actionIdFromUrl(this.page.url());
  }

  /** Clicks « Enregistrer le brouillon » and waits for the action's page; returns its id. */
  async saveDraft(): Promise<string> {
    await this.clickAndWaitForServerAction(this.saveDraftButton);
    await this.page.waitForURL(ACTION_PAGE_URL);
    await expect(visibleText(this.page, "Brouillon enregistré.")).toBeVisible();
    return actionIdFromUrl(this.page.url());
  }
}

/**
 * The accessible name of a form control labelled `label`. The form's fields have fixed ids
 * (« champ-title »), and Next keeps the previous route's page in the DOM, hidden: after « Nouvelle
 * action » → « Enregistrer le brouillon », two labels point at the same id and Playwright reads the
 * label twice (Chromium's own accessibility tree reads it once). A checkbox's label may go on with
 * its description.
 */
function fieldName(label: string, { withDescription = false } = {}): RegExp {
  const once = escapeRegExp(label);
  return new RegExp(`^${once}(?:\\s+${once})*${withDescription ? "(?:\\s.*)?" : ""}$`);
}

/** `text` as a pattern, any run of spaces matching any whitespace (French typography uses non-breaking ones). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}
