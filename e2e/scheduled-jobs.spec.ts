import { isoDateFromToday, masonryAction, nancySession, toulSession } from "./data";
import { expect, test } from "./fixtures";
import { publishAction } from "./flows";
import { ActionHistoryPage } from "./pages/action-history-page";
import { CataloguePage } from "./pages/catalogue-page";
import { restoreServerClock, runJobCommand, setServerClock } from "./server-jobs";

// R9: a session leaves the site 8 days after its start. The withdrawal job records it, and
// refreshes the cached public page at once instead of up to an hour later. The server's clock is
// moved forward for this spec only (lib/clock.ts), and put back whatever happens.

const DAY_MS = 24 * 60 * 60 * 1000;

/** « 2 décembre 2026 », `days` after `iso`, as the provider's pages write a date. */
function dayMonthYear(iso: string, days = 0): string {
  const date = new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS);
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(date);
}

test.afterEach(() => restoreServerClock());

test("le retrait à J+8, lancé en ligne de commande, ôte la session de la page publique aussitôt ; l’organisme le voit", async ({
  providerPage,
  staffPage,
  page,
}) => {
  // A session starting tomorrow in Nancy, another in Toul in two months and a half.
  const soon = nancySession({ startDate: isoDateFromToday(1), endDate: isoDateFromToday(40) });
  const action = masonryAction({ sessions: [soon, toulSession()] });
  const actionId = await publishAction(providerPage, staffPage, action);

  const catalogue = new CataloguePage(page);
  const slug = await catalogue.openFromList(action.title);
  await expect(catalogue.session("Nancy")).toBeVisible();
  await expect(catalogue.session("Toul")).toBeVisible();

  // Nine days later on the server's clock, the Nancy session has reached J+8. The page served is
  // still the cached one, made when the session was to come…
  setServerClock(new Date(Date.now() + 9 * DAY_MS));
  await catalogue.gotoAction(slug);
  await expect(catalogue.session("Nancy")).toBeVisible();

  // …until the job, run from the command line as a system cron would, records the withdrawal
  // and refreshes the page.
  const output = await runJobCommand("withdraw-sessions");
  expect(output).toMatch(/"status":"succeeded"/);
  expect(output).toMatch(/"sessionsWithdrawn":[1-9]/);
  await catalogue.gotoAction(slug);
  await expect(page.getByRole("heading", { name: action.title, exact: true })).toBeVisible();
  await expect(catalogue.session("Toul")).toBeVisible();
  await expect(catalogue.session("Nancy")).toHaveCount(0);

  // The provider finds the withdrawal recorded in the action's history.
  const history = new ActionHistoryPage(providerPage);
  await history.goto(actionId);
  await expect(history.diffusion.getByRole("listitem")).toHaveText([
    new RegExp(`^Session du ${dayMonthYear(soon.startDate)} retirée du site le ${dayMonthYear(soon.startDate, 8)}, 8\\s+jours après son début$`),
  ]);
});
