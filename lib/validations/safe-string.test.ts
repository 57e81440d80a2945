// Finding 4 and 5 of the security probe: a NUL, another control character or half an emoji in any
// text, and a « number » that is not digits, are refused by the schemas with a French message —
// every schema, since every string field starts from the one block (`safeString`) and every
// number from `integerField` or `wholeNumber`; the last test keeps it that way.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { passwordChangeSchema, newOrganisationSchema, newStaffAccountSchema, organisationSearchSchema } from "@/lib/validations/accounts";
import { codificationSchema, rejectionSchema, validateDraft } from "@/lib/validations/action";
import { loginSchema } from "@/lib/validations/auth";
import { TEXT_ERRORS, safeString, searchText, wholeNumber } from "@/lib/validations/fields";
import { validateDossierDraft } from "@/lib/validations/organisation";
import { wordingSchema } from "@/lib/validations/review";
import { accessContactSchema, rejectionReasonSchema } from "@/lib/validations/settings";
import type { z } from "@/lib/validations/zod";

const HOSTILE = ["Agent\u0000de propreté", "Agent \ud83d", "\ude00 Agent", "Agent\u001b[31m", "Agent\u007f", "Agent\u0008"];

function firstError(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]!.message;
}

describe("safeString, the one block every string field starts from", () => {
  it("refuses NUL, control characters and lone surrogates before any other check", () => {
    const code = safeString().regex(/^\d{5}$/, "Un code a cinq chiffres.");
    for (const value of [...HOSTILE, "\u000042093"]) expect(firstError(code, value)).toBe(TEXT_ERRORS.invalidCharacters);
  });

  it("keeps tabs and line breaks in multi-line text, and reads them as spaces on one line", () => {
    expect(safeString().parse("Lundi\tmardi\nmercredi")).toBe("Lundi\tmardi\nmercredi");
    expect(safeString({ singleLine: true }).parse("Agent\nde\r\n\tpropreté")).toBe("Agent de propreté");
  });

  it("says what is expected when it is not text at all", () => {
    expect(firstError(safeString({ error: "Indiquez votre identifiant." }), 12)).toBe("Indiquez votre identifiant.");
  });
});

describe("every text field of every schema", () => {
  const cases: [string, z.ZodType, (text: string) => unknown, string][] = [
    ["login identifier", loginSchema, (t) => ({ identifier: t, password: "secret" }), "identifier"],
    ["login password", loginSchema, (t) => ({ identifier: "btp.nancy", password: t }), "password"],
    ["new password", passwordChangeSchema, (t) => ({ password: `Un mot de passe ${t}`, confirmation: `Un mot de passe ${t}` }), "password"],
    ["refusal reason", rejectionSchema, (t) => ({ reason: `Le motif est ${t}` }), "reason"],
    ["stock reason", rejectionReasonSchema, (t) => ({ id: crypto.randomUUID(), label: t, text: "Un texte de motif assez long." }), "label"],
    ["access contact", accessContactSchema, (t) => ({ name: t, phone: "03 83 00 00 00", email: "", details: "" }), "name"],
    ["new organisation", newOrganisationSchema, (t) => ({ name: t }), "name"],
    ["staff account", newStaffAccountSchema, (t) => ({ displayName: t, email: "a@b.fr", role: "staff" }), "displayName"],
    ["staff wording", wordingSchema, (t) => ({ title: t }), "title"],
    ["Formacode", codificationSchema, (t) => ({ formacodes: [t] }), "formacodes.0"],
  ];

  it.each(cases)("%s", (_name, schema, build, path) => {
    for (const text of HOSTILE) {
      const result = schema.safeParse(build(text));
      expect(result.success).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join(".") === path);
      expect(issue?.message).toBe(TEXT_ERRORS.invalidCharacters);
    }
  });

  it("action and dossier content, in drafts too", () => {
    for (const text of HOSTILE) {
      expect(validateDraft({ title: `Agent de propreté ${text}` })).toMatchObject({ success: false, errors: { title: TEXT_ERRORS.invalidCharacters } });
      expect(validateDossierDraft({ legalName: text, address: {} })).toMatchObject({ success: false, errors: { legalName: TEXT_ERRORS.invalidCharacters } });
      expect(validateDossierDraft({ legalName: "Lorraine Formation", siret: text, address: {} })).toMatchObject({ success: false, errors: { siret: TEXT_ERRORS.invalidCharacters } });
    }
  });
});

describe("search boxes", () => {
  it("drop invisible characters rather than refuse a search", () => {
    expect(searchText(20).parse("Nan\u0000cy\ud83d ")).toBe("Nancy");
    expect(searchText(5).parse("Bar-le-Duc")).toBe("Bar-l");
    expect(searchText(5).parse(["x"])).toBe("");
    expect(organisationSearchSchema.parse({ q: "54\u0000000" }).q).toBe("54000");
  });
});

describe("numbers are digits or JSON numbers, never coerced", () => {
  it("the organisation list page: 0x10, 1e2, true and [] are not page numbers", () => {
    expect(organisationSearchSchema.parse({ page: "3" }).page).toBe(3);
    for (const page of ["0x10", "1e2", true, [], "0", "-2"]) expect(organisationSearchSchema.parse({ page }).page).toBe(1);
  });

  it("a version or an id sent as JSON fits its column", () => {
    const version = wholeNumber({ error: "Rechargez la page." });
    expect(version.parse(7)).toBe(7);
    for (const value of [true, "7", 2 ** 40, 1.5, -1, [], null]) expect(firstError(version, value)).toBe("Rechargez la page.");
  });
});

describe("no string or number read another way", () => {
  /** The schemas and every file a request reaches: server actions and route handlers. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [path] : [];
    });
  }

  it("only lib/validations/fields.ts calls z.string, z.number or z.coerce", () => {
    const offenders = [...sources("lib/validations"), ...sources("app")]
      .filter((path) => !path.endsWith(join("lib", "validations", "fields.ts")))
      .filter((path) => /\bz\s*\.\s*(string|number|coerce)\b/.test(readFileSync(path, "utf8")));
    expect(offenders).toEqual([]);
  });
});
