import type { Page, Request } from "@playwright/test";
import { accounts } from "./accounts";
import { MASONRY_FORMACODE, masonryAction, uniqueSuffix } from "./data";
import { expect, test } from "./fixtures";
import { createAction, openSubmission } from "./flows";
import { ActionFormPage } from "./pages/action-form-page";
import { CataloguePage } from "./pages/catalogue-page";
import { ProviderActionsPage } from "./pages/provider-actions-page";
import { ReviewPage } from "./pages/review-page";
import { ValidationQueuePage } from "./pages/validation-queue-page";
import { visibleText } from "./visible";


function careAction() {
  return masonryAction({
    title: `Accompagnement des personnes âgées à domicile ${uniqueSuffix()}`,
    objectives: "Aider une personne âgée dans les gestes de la vie quotidienne en respectant son autonomie.",
    content: "Hygiène et confort, aide aux repas, prévention des chutes, communication avec la personne et sa famille.",
  });
}

test.describe("cloisonnement entre organismes", () => {
  test("un organisme ne peut pas ouvrir l’action d’un autre organisme", async ({ providerPage, otherProviderPage }) => {
    const action = masonryAction();
    const actionId = await createAction(providerPage, action, "draft");

    // With Cache Components the page streams, so « Page introuvable » comes with a 200 and a
    // noindex tag (Next.js docs, loading.js « Status codes »): assert what the person sees.
    await otherProviderPage.goto(`/espace-organisme/actions/${actionId}`);
    await expect(otherProviderPage.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expect(visibleText(otherProviderPage, action.title)).toHaveCount(0);
  });

  test("changer l’identifiant de l’action dans la requête d’enregistrement est refusé", async ({
    providerPage,
    otherProviderPage,
  }) => {
    // Provider B's action, the target.
    const theirs = careAction();
    const theirId = await createAction(otherProviderPage, theirs, "draft");

    // Provider A edits their own draft, and rewrites the request to point at B's action.
    const ours = masonryAction();
    const ourId = await createAction(providerPage, ours, "draft");
    const form = new ActionFormPage(providerPage);
    await form.gotoAction(ourId);
    await expect(form.title).toHaveValue(ours.title);

    let tampered = false;
    await providerPage.route(
      (url) => url.pathname === `/espace-organisme/actions/${ourId}`,
      async (route) => {
        const request = route.request();
        const body = request.postData() ?? "";
        if (request.method() !== "POST" || !request.headers()["next-action"] || !body.includes(ourId)) {
          return route.fallback();
        }
        tampered = true;
        await route.continue({ postData: body.replaceAll(ourId, theirId) });
      },
    );

    const hijackedTitle = `Titre remplacé par un autre organisme ${uniqueSuffix()}`;
    await form.title.fill(hijackedTitle);
    await form.saveDraftButton.click();
    await expect(visibleText(providerPage, "Cette action de formation est introuvable.")).toBeVisible();
    expect(tampered, "the save request carried the action id").toBe(true);
    await providerPage.unrouteAll({ behavior: "wait" });

    // B's action is untouched.
    const theirForm = new ActionFormPage(otherProviderPage);
    await theirForm.gotoAction(theirId);
    await expect(otherProviderPage.getByRole("heading", { name: theirs.title, exact: true })).toBeVisible();
    await expect(theirForm.title).toHaveValue(theirs.title);
    const theirList = new ProviderActionsPage(otherProviderPage);
    await theirList.goto();
    await theirList.expectStatus(theirs.title, "Brouillon");
    await expect(visibleText(otherProviderPage, hijackedTitle)).toHaveCount(0);
  });
});

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Intercepts the next server-action POST of `page`, records it and aborts it. */
async function captureNextServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let resolveCaptured!: (captured: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((resolve) => (resolveCaptured = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/gestion/validation/"),
    async (route) => {
      const request: Request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
      const all = await request.allHeaders();
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(all)) {
        // The replay carries the provider's own cookies and its own framing.
        if (["cookie", "host", "content-length", "connection", "accept-encoding"].includes(name.toLowerCase())) continue;
        if (name.startsWith(":")) continue;
        headers[name] = value;
      }
      resolveCaptured({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    },
  );
  await trigger();
  const result = await captured;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return result;
}

/**
 * Replays a captured server action with `page`'s cookies, to `path` (default: where it was
 * captured). Next.js finds a server action by its id whatever the path, so replaying it to a
 * public page gets past proxy.ts and reaches the action's own check.
 */
async function replayAs(page: Page, captured: CapturedAction, path?: string) {
  const nextAction = captured.headers["next-action"];
  expect(nextAction, "Next-Action header of the staff request").toBeTruthy();
  const rest = Object.fromEntries(
    Object.entries(captured.headers).filter(([name]) => !["next-action", "content-type", "accept"].includes(name.toLowerCase())),
  );
  return page.context().request.post(path ? new URL(path, captured.url).toString() : captured.url, {
    headers: {
      ...rest,
      "Next-Action": nextAction!,
      "Content-Type": captured.headers["content-type"] ?? "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: captured.body,
    maxRedirects: 0,
  });
}

test.describe("un organisme ne peut pas appeler les opérations du CARIF", () => {
  test("rejouer la validation d’une action en tant qu’organisme ne la publie pas", async ({ providerPage, staffPage, page }) => {
    const action = masonryAction();
    await createAction(providerPage, action, "submit");

    const revisionId = await openSubmission(staffPage, action.title);
    const review = new ReviewPage(staffPage);
    await review.addFormacode(MASONRY_FORMACODE.query, MASONRY_FORMACODE.code);
    const captured = await captureNextServerAction(staffPage, () => review.approveButton.click());
    expect(captured.body.toString("utf8")).toContain(revisionId);

    // On the staff area's address, proxy.ts refuses it outright; sent to a public page, Next.js
    // forwards it to the page that owns the action, and it is refused again. (The action's own
    // role check is covered per role by the integration tests of the server actions.)
    expect((await replayAs(providerPage, captured)).status()).toBe(403);
    await replayAs(providerPage, captured, "/formations");

    // Still waiting for validation, and not on the public site.
    const queue = new ValidationQueuePage(staffPage);
    await queue.goto();
    await expect(queue.link(action.title)).toBeVisible();
    const list = new ProviderActionsPage(providerPage);
    await list.goto();
    await list.expectStatus(action.title, "En attente de validation");
    const catalogue = new CataloguePage(page);
    await catalogue.gotoList(action.title);
    await expect(catalogue.link(action.title)).toHaveCount(0);
  });

  test("rejouer le refus d’une action en tant qu’organisme ne la refuse pas", async ({ providerPage, staffPage }) => {
    const action = masonryAction();
    await createAction(providerPage, action, "submit");

    const revisionId = await openSubmission(staffPage, action.title);
    const review = new ReviewPage(staffPage);
    await review.rejectionReason.fill("Motif écrit par l’organisme lui-même pour se refuser.");
    const captured = await captureNextServerAction(staffPage, () => review.rejectButton.click());
    expect(captured.body.toString("utf8")).toContain(revisionId);

    // On the staff area's address, proxy.ts refuses it outright; sent to a public page, Next.js
    // forwards it to the page that owns the action, and it is refused again. (The action's own
    // role check is covered per role by the integration tests of the server actions.)
    expect((await replayAs(providerPage, captured)).status()).toBe(403);
    await replayAs(providerPage, captured, "/formations");

    const queue = new ValidationQueuePage(staffPage);
    await queue.goto();
    await expect(queue.row(action.title)).toContainText(accounts.provider.organisation);
    const list = new ProviderActionsPage(providerPage);
    await list.goto();
    await list.expectStatus(action.title, "En attente de validation");
  });
});
