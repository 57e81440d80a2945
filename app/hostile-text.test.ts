// Finding 4 of the security probe: a NUL character or half an emoji in a title, a reason or an
// identifier gave a 500 from PostgreSQL (and the SQL, with the text, in the server log). Sent to
// the server actions as a hand-made request would, each is refused with a French message next
// to the field, and nothing is written.

import { databaseFingerprint, FIELDS_TO_FIX, outcome, signInAs } from "@/app/test-utils/server-action-harness";
import { describe, expect, it } from "vitest";
import { signIn } from "@/app/(auth)/auth";
import { login } from "@/app/(auth)/connexion/server-actions";
import { requestReset } from "@/app/(auth)/mot-de-passe-oublie/server-actions";
import { saveAccessContact } from "@/app/(gestion)/gestion/parametres/server-actions";
import { createOrganisation } from "@/app/(gestion)/gestion/organismes/server-actions";
import { rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { saveDraft, sendQuickUpdate } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { seed } from "@/app/test-utils/action-seed";
import { actionContent } from "@/db/test-utils/fixtures";
import { TEXT_ERRORS } from "@/lib/validations/fields";
import type { ActionState } from "@/lib/auth/safe-action";
import { seenRevision } from "@/app/test-utils/submissions";

const HOSTILE = { nul: "Agent\u0000de propreté", "lone surrogate": "Agent de propreté \ud83d", escape: "Agent\u001b[2J" };

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

describe.each(Object.entries(HOSTILE))("%s in a text", (_kind, text) => {
  it("a title, a reason, a setting: the field says so, nothing written", async () => {
    const s = await seed();
    const before = await databaseFingerprint();
    const invalid = (field: string) => ({ state: { message: expect.any(String), errors: expect.objectContaining({ [field]: TEXT_ERRORS.invalidCharacters }) } });

    signInAs(s.provider);
    expect(await outcome(saveDraft({ values: actionContent({ title: text }) }))).toEqual(invalid("title"));
    expect(await outcome(saveDraft({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: { ...actionContent(), rhythm: text } }))).toEqual(invalid("rhythm"));

    signInAs(s.staff);
    expect(await outcome(rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason: `Le motif du refus : ${text}` }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { reason: TEXT_ERRORS.invalidCharacters } },
    });
    const organisation = await outcome(createOrganisation({ name: text } as never) as Promise<ActionState>);
    expect(organisation).toMatchObject({ state: { message: FIELDS_TO_FIX, errors: { name: TEXT_ERRORS.invalidCharacters } } });

    signInAs(s.admin);
    expect(await outcome(saveAccessContact({ name: "", phone: "", email: "", details: text }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { details: TEXT_ERRORS.invalidCharacters } },
    });

    expect(await databaseFingerprint()).toEqual(before);
  });
});

// A form's fields are USV strings: FormData itself turns half an emoji into U+FFFD, so only
// control characters reach these two actions.
describe.each(["Agent\u0000de propreté", "Agent\u001b[2J"])("%j as an identifier", (text) => {
  it("at login or for a reset: the field says so, nothing looked up", async () => {
    const before = await databaseFingerprint();
    expect(await login({}, form({ identifier: text, password: "Demo-Organisme-2026" }))).toEqual({
      errors: { identifier: TEXT_ERRORS.invalidCharacters },
      identifier: text,
    });
    expect(await login({}, form({ identifier: "btp.nancy", password: text }))).toMatchObject({ errors: { password: TEXT_ERRORS.invalidCharacters } });
    expect(signIn).not.toHaveBeenCalled();
    expect(await requestReset({}, form({ login: text }))).toEqual({ errors: { login: TEXT_ERRORS.invalidCharacters } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("places disponibles (finding 5)", () => {
  it("only digits: true, [], 0x10 and 1e2 are refused in the form's content too, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    for (const placesAvailable of [true, [], "0x10", "1e2"]) {
      const content = actionContent();
      const values = { ...content, sessions: [{ ...content.sessions[0], placesAvailable }] };
      expect(await outcome(saveDraft({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values }))).toMatchObject({
        state: { errors: { "sessions.0.placesAvailable": "Indiquez un nombre entier de places." } },
      });
      const update = sendQuickUpdate({
        actionId: s.published.actionId,
        expectedVersion: s.published.version,
        sessions: [{ id: s.published.sessionId, placesAvailable: placesAvailable as never, recruitment: "1" }],
      });
      expect(await outcome(update as Promise<ActionState>)).toMatchObject({ state: { errors: { "sessions.0.placesAvailable": "Indiquez un nombre entier de places." } } });
    }
    // A version too large for its column is refused by the schema, not by PostgreSQL.
    expect(await outcome(saveDraft({ actionId: s.draft.actionId, expectedVersion: 2 ** 40, values: actionContent() }))).toMatchObject({
      state: { message: FIELDS_TO_FIX, errors: { expectedVersion: expect.any(String) } },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
