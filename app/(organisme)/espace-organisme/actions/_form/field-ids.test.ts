// The action form's error summary (« Avant d’envoyer pour validation ») links each problem to
// `#${fieldId(path)}`, and a refused submission focuses the same field: every path the validate
// function reports must have an element with that id, Controller fields (the address, the
// financeur) included. The form is rendered to HTML as the server renders it; no browser needed.

import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ActionForm } from "@/app/(organisme)/espace-organisme/actions/action-form";
import { AddressFields } from "@/components/address-fields";
import { Combobox } from "@/components/ui/combobox";
import { MODULAR_PATHWAY } from "@/lib/lheo/codes";
import { parisDate } from "@/lib/dates";
import { emptyActionContent, validateSubmission, type ActionFormValues } from "@/lib/validations/action";
import { completeAction } from "@/lib/validations/test-content";
import { fieldId } from "./field-paths";

// Only the form is rendered here: its server actions are never called.
vi.mock("@/app/(organisme)/espace-organisme/actions/server-actions", () => ({ saveDraft: vi.fn(), submitForValidation: vi.fn() }));

const emptyAddress = { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" };

/** Everything empty, with one session, one module and one financeur: the fields' own errors. */
function emptyWithItems(): ActionFormValues {
  return {
    ...emptyActionContent(),
    certifying: true,
    pathway: MODULAR_PATHWAY,
    free: false,
    modules: [{ id: randomUUID(), title: "", content: "", hours: "" }],
    funders: [{ id: randomUUID(), code: "", places: "" }],
    sessions: [
      { id: randomUUID(), startDate: "", endDate: "", address: emptyAddress, placesTotal: "", placesAvailable: "", recruitment: "", contact: { name: "", phone: "", email: "" } },
    ],
  } as unknown as ActionFormValues;
}

/** A well-formed draft missing what only a submission needs: the rules across fields. */
function incompleteDraft(): ActionFormValues {
  return completeAction({
    certifying: true,
    certification: { register: "", code: "", label: "" },
    pathway: MODULAR_PATHWAY,
    modules: [{ id: randomUUID(), title: "Module unique", content: "", hours: 10 }],
    sessions: [],
    publicCodes: [],
    alternance: "",
    free: false,
    price: null,
    funders: [
      { id: randomUUID(), code: "2", places: null },
      { id: randomUUID(), code: "2", places: null },
    ],
    funding: { notifiedOn: "", voteDate: "", kind: "", comment: "" },
  }) as unknown as ActionFormValues;
}

function render(values: ActionFormValues): string {
  return renderToStaticMarkup(
    createElement(ActionForm, { defaultValues: values, publicOptions: [], organisationContact: { name: "", phone: "", email: "" } }),
  );
}

const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

describe("the action form's field ids", () => {
  it.each([
    ["empty fields in a session, a module and a financeur", emptyWithItems],
    ["a draft missing what a submission needs", incompleteDraft],
  ])("every path refused on submission has its element, and every link of the summary a target: %s", (_, valuesOf) => {
    const values = valuesOf();
    const checked = validateSubmission(values, parisDate());
    expect(checked.success).toBe(false);
    const paths = Object.keys(checked.success ? {} : checked.errors).filter((path) => !path.endsWith(".id"));
    expect(paths.length).toBeGreaterThan(5);

    const html = render(values);
    const ids = idsIn(html);
    expect(paths.filter((path) => !ids.has(fieldId(path)))).toEqual([]);
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("gives the address of a session and the financeur the ids the summary links to", () => {
    const ids = idsIn(render(emptyWithItems()));
    for (const id of [
      "champ-sessions-0-address-street",
      "champ-sessions-0-address-street2",
      "champ-sessions-0-address-postcode",
      "champ-sessions-0-address-communeInsee",
      "champ-funders-0-code",
      "champ-sessions",
      "champ-modules",
      "champ-funders",
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it("ties a combobox given an id to its label, its list and its error", () => {
    const html = renderToStaticMarkup(
      createElement(Combobox, { id: "champ-funders-0-code", label: "Financeur", options: [], onSelect: () => {}, error: "Choisissez le financeur dans la liste." }),
    );
    expect(html).toContain('for="champ-funders-0-code"');
    expect(html).toMatch(/<input id="champ-funders-0-code"[^>]*aria-controls="champ-funders-0-code-list"[^>]*aria-invalid="true"[^>]*aria-describedby="champ-funders-0-code-error"/);
    expect(html).toContain('<ul id="champ-funders-0-code-list"');
    expect(html).toContain('<p id="champ-funders-0-code-error"');
  });

  it("keeps generated ids, each label tied to its control, for an address without idPrefix (the dossier)", () => {
    const html = renderToStaticMarkup(createElement(AddressFields, { value: emptyAddress, onChange: () => {} }));
    const labelled = [...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]!);
    expect(labelled).toHaveLength(4);
    const ids = idsIn(html);
    expect(labelled.filter((id) => !ids.has(id))).toEqual([]);
    expect(labelled.some((id) => id.startsWith("champ-"))).toBe(false);
  });
});
