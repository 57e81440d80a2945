import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { createOrganisation } from "./flows";
import { LoginPage } from "./pages/login-page";
import { MailsPage } from "./pages/mails-page";
import { CHOOSE_PASSWORD_URL, ChoosePasswordPage, ForgottenPasswordPage } from "./pages/password-pages";
import { PROVIDER_HOME_URL } from "./pages/provider-actions-page";
import { visibleText } from "./visible";

// R10: « Mot de passe oublié ? ». The answer never tells whether the account exists; the mail
// holds a single-use link; using it sets the new password, signs the person in and ends their
// other sessions. The e2e server has no mail server: an admin reads the mail at /gestion/courriels.

const LOGIN_URL = /\/connexion\/?(?:[?#].*)?$/;

test("un mot de passe oublié se remplace par le lien reçu, qui ne sert qu’une fois et ferme les autres connexions", async ({
  browser,
  baseURL,
  staffPage,
  adminPage,
  page,
}) => {
  // An organisation of this run, whose first user signs in and chooses a password (session A).
  const run = randomUUID().slice(0, 8);
  const email = `claire.martin.${run}@atelier-e2e.example.org`;
  const codes = await createOrganisation(staffPage, `Atelier du mot de passe ${run}`, { personEmail: email });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(codes.identifier, codes.password);
  await expect(page).toHaveURL(CHOOSE_PASSWORD_URL);
  const firstPassword = `Premier mot de passe de Claire ${run}`;
  const choose = new ChoosePasswordPage(page);
  await expect(choose.heading).toBeVisible();
  await choose.choose(firstPassword);
  await expect(page).toHaveURL(PROVIDER_HOME_URL);

  // Later, elsewhere (session B), she has forgotten it.
  const elsewhere = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  try {
    const other = await elsewhere.newPage();
    const otherLogin = new LoginPage(other);
    await otherLogin.goto();
    await otherLogin.forgottenPasswordLink.click();
    const forgotten = new ForgottenPasswordPage(other);
    await expect(forgotten.heading).toBeVisible();

    // An unknown identifier gets the very answer a real one gets.
    const unknownAnswer = await forgotten.request(`inconnu.${run}`);
    await other.goto("/mot-de-passe-oublie");
    const answer = await forgotten.request(codes.identifier);
    expect(answer).toBe(unknownAnswer);

    // The mail holds the link.
    const mail = await new MailsPage(adminPage).read("Choisir un nouveau mot de passe", { to: email });
    const link = /https?:\/\/\S+\/mot-de-passe-oublie\/[A-Za-z0-9_-]{20,100}/.exec(mail)?.[0];
    expect(link, `a reset link in:\n${mail}`).toBeTruthy();
    const path = new URL(link!).pathname;

    // The password policy applies: twelve characters at least, not the identifier.
    await other.goto(path);
    await forgotten.reset("trop court");
    await expect(forgotten.password).toHaveAccessibleDescription(/au moins 12\s*caractères/);
    await forgotten.reset(`Le mot de passe de ${codes.identifier}`);
    await expect(visibleText(other, /ne doit pas contenir votre identifiant/).first()).toBeVisible();

    const newPassword = `Une phrase neuve pour Claire ${run}`;
    await forgotten.reset(newPassword);
    await expect(other).toHaveURL(PROVIDER_HOME_URL);
    await expect(other.getByRole("heading", { name: "Votre espace organisme" })).toBeVisible();

    // The link served once.
    await other.goto(path);
    await expect(visibleText(other, /^Ce lien n’est plus valable/)).toBeVisible();
    await expect(forgotten.newLinkLink).toBeVisible();
    await expect(forgotten.password).toHaveCount(0);

    // Session B stays open; session A was ended.
    await other.goto("/espace-organisme");
    await expect(other).toHaveURL(PROVIDER_HOME_URL);
    await page.goto("/espace-organisme");
    await expect(page).toHaveURL(LOGIN_URL);

    // Signed out in A, she signs in again there with the new password. (A failed attempt with the
    // old one is left out: failures are counted per client address, and every e2e request comes
    // from the same one, so it would hold back the next sign-in, here or in the next spec.)
    await login.goto();
    await login.signIn(codes.identifier, newPassword);
    await expect(page).toHaveURL(PROVIDER_HOME_URL);
  } finally {
    await elsewhere.close();
  }
});
