import { expect, type Locator, type Page } from "@playwright/test";
import type { ActionData, SessionData } from "../data";
import { visibleText } from "../visible";

/** Matches /espace-organisme/actions/<actionId>, capturing the id (never « nouvelle »). */
export const ACTION_PAGE_URL = /\/espace-organisme\/actions\/(?!nouvelle(?:[/?#]|$))([^/?#]+)\/?(?:[?#].*)?$/;

export function actionIdFromUrl(url: string): string {
  const match = ACTION_PAGE_URL.exec(url);
  if (!match?.[1]) throw new Error(`Not an action page: ${url}`);
  return match[1];
}

/** The provider's action form: /espace-organisme/actions/nouvelle and an action's own page. */
export class ActionFormPage {
  readonly title: Locator;
  readonly objectives: Locator;
  readonly content: Locator;
  readonly permanentEntry: Locator;
  readonly addSessionButton: Locator;
  readonly saveDraftButton: Locator;
  readonly submitButton: Locator;
  readonly withdrawButton: Locator;

  constructor(readonly page: Page) {
    // Roles, not labels: Next keeps the previous route's page in the DOM, hidden, and roles
    // only see what is on screen.
    this.title = page.getByRole("textbox", { name: "Intitulé de la formation", exact: true });
    this.objectives = page.getByRole("textbox", { name: "Objectifs", exact: true });
    this.content = page.getByRole("textbox", { name: "Contenu", exact: true });
    this.permanentEntry = page.getByRole("checkbox", { name: "Entrées et sorties permanentes" });
    this.addSessionButton = page.getByRole("button", { name: "Ajouter une session" });
    this.saveDraftButton = page.getByRole("button", { name: "Enregistrer le brouillon" });
    this.submitButton = page.getByRole("button", { name: "Envoyer pour validation" });
    this.withdrawButton = page.getByRole("button", { name: "Retirer de la validation" });
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

  /** Clicks « Ajouter une session » and returns the new session's number. */
  async addSession(): Promise<number> {
    const number = (await this.sessions().count()) + 1;
    await this.addSessionButton.click();
    await expect(this.session(number)).toBeVisible();
    return number;
  }

  async fillSession(number: number, data: Partial<SessionData>) {
    const session = this.session(number);
    if (data.startDate !== undefined) await session.getByLabel("Date de début", { exact: true }).fill(data.startDate);
    if (data.endDate !== undefined) await session.getByLabel("Date de fin", { exact: true }).fill(data.endDate);
    if (data.town !== undefined) {
      await session.getByRole("combobox", { name: "Commune" }).fill(data.town);
      await this.page.getByRole("option", { name: data.townOption ?? data.town, exact: true }).click();
    }
    if (data.places !== undefined) await session.getByLabel("Places disponibles", { exact: true }).fill(String(data.places));
  }

  async fill(data: Partial<ActionData>) {
    if (data.title !== undefined) await this.title.fill(data.title);
    if (data.objectives !== undefined) await this.objectives.fill(data.objectives);
    if (data.content !== undefined) await this.content.fill(data.content);
    if (data.permanentEntry !== undefined) await this.permanentEntry.setChecked(data.permanentEntry);
    for (const session of data.sessions ?? []) {
      const number = await this.addSession();
      await this.fillSession(number, session);
    }
  }

  /** Clicks « Envoyer pour validation » and waits for the action's page; returns its id. */
  async submitForValidation(): Promise<string> {
    await this.submitButton.click();
    await this.page.waitForURL(ACTION_PAGE_URL);
    await expect(visibleText(this.page, "Votre action a été envoyée pour validation.")).toBeVisible();
    return actionIdFromUrl(this.page.url());
  }

  /** Clicks « Enregistrer le brouillon » and waits for the action's page; returns its id. */
  async saveDraft(): Promise<string> {
    await this.saveDraftButton.click();
    await this.page.waitForURL(ACTION_PAGE_URL);
    await expect(visibleText(this.page, "Brouillon enregistré.")).toBeVisible();
    return actionIdFromUrl(this.page.url());
  }
}
