import { masonryAction } from "./data";
import { expect, test } from "./fixtures";
import { createAction } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { visibleText } from "./visible";

// STALE_VERSION in db/queries/action-writes.ts (a server-only module: not importable here).
const STALE_VERSION =
  "Cette action a été modifiée depuis que vous avez ouvert la page (dans un autre onglet ou par une autre personne de votre organisme). Vos modifications ne sont pas enregistrées : copiez-les si besoin, puis rechargez la page.";

test("deux onglets sur le même brouillon : le second enregistrement est refusé, rien du premier n’est perdu", async ({
  providerPage,
}) => {
  const action = masonryAction();
  const actionId = await createAction(providerPage, action, "draft");

  // Two tabs of the same signed-in provider, both opened on the draft.
  const firstTab = providerPage;
  const secondTab = await providerPage.context().newPage();
  const first = new ActionFormPage(firstTab);
  const second = new ActionFormPage(secondTab);
  await first.gotoAction(actionId);
  await second.gotoAction(actionId);
  await expect(first.title).toHaveValue(action.title);
  await expect(second.title).toHaveValue(action.title);

  // The first tab saves new objectives.
  const firstObjectives = `${action.objectives} Chaque semaine, une journée est consacrée à un chantier réel.`;
  await first.objectives.fill(firstObjectives);
  expect(await first.saveDraft()).toBe(actionId);
  // It carries on: after its own save, its page knows the new version.
  const firstContent = `${action.content} Visite d’un chantier de construction.`;
  await first.content.fill(firstContent);
  expect(await first.saveDraft()).toBe(actionId);

  // The second tab, loaded before that save, changes the rhythm and saves: refused, and told why.
  const secondRhythm = "Deux jours par semaine, le lundi et le mardi";
  await second.textbox("Rythme").fill(secondRhythm);
  await second.saveDraftButton.click();
  await expect(visibleText(secondTab, STALE_VERSION)).toBeVisible();
  expect(new URL(secondTab.url()).searchParams.get("statut"), "no confirmation of a save").toBeNull();
  // What they typed is still on screen, to copy.
  await expect(second.textbox("Rythme")).toHaveValue(secondRhythm);
  await expect(second.objectives).toHaveValue(action.objectives);

  // Nothing of the first tab's save is lost, and nothing of the refused one was written.
  await secondTab.reload();
  await expect(second.objectives).toHaveValue(firstObjectives);
  await expect(second.content).toHaveValue(firstContent);
  await expect(second.textbox("Rythme")).toHaveValue(action.rhythm);

  // Once reloaded, the second tab saves normally; the first, now behind, is refused in turn.
  await second.textbox("Rythme").fill(secondRhythm);
  expect(await second.saveDraft()).toBe(actionId);
  await first.title.fill(`${action.title} modifié`);
  await first.saveDraftButton.click();
  await expect(visibleText(firstTab, STALE_VERSION)).toBeVisible();

  await firstTab.reload();
  await expect(first.title).toHaveValue(action.title);
  await expect(first.objectives).toHaveValue(firstObjectives);
  await expect(first.content).toHaveValue(firstContent);
  await expect(first.textbox("Rythme")).toHaveValue(secondRhythm);
});
