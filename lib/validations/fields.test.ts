// What a person or a hand-made request can send in any field of the product: each is refused
// with a French message, or read as the person meant it.

import { describe, expect, it } from "vitest";
import {
  TEXT_ERRORS,
  booleanField,
  codeField,
  communeField,
  contactSchema,
  dateField,
  emailField,
  integerField,
  phoneField,
  plainText,
  postcodeField,
  textField,
} from "@/lib/validations/fields";
import type { z } from "@/lib/validations/zod";

/** The parsed value, or the first message, as the form shows it next to the field. */
function check(schema: z.ZodType, value: unknown): { value: unknown } | { error: string } {
  const result = schema.safeParse(value);
  return result.success ? { value: result.data } : { error: result.error.issues[0]!.message };
}

describe("text", () => {
  const text = plainText(255);

  it("refuses NUL and the other control characters, but keeps tabs and line breaks", () => {
    for (const value of ["Agent\u0000de propreté", "Agent\u0007", "\u001b[31mAgent", "Agent\u007f", "Agent\u000bde\u000cpropreté"]) {
      expect(check(text, value)).toEqual({ error: TEXT_ERRORS.invalidCharacters });
    }
    expect(check(text, "Lundi\tmardi\nmercredi\r\njeudi")).toEqual({ value: "Lundi\tmardi\nmercredi\r\njeudi" });
  });

  it("refuses half an emoji left by a bad copy and paste, and keeps a whole one", () => {
    expect(check(text, "Cuisine \ud83d")).toEqual({ error: TEXT_ERRORS.invalidCharacters });
    expect(check(text, "\ude00 Cuisine")).toEqual({ error: TEXT_ERRORS.invalidCharacters });
    expect(check(text, "Cuisine \ud83d\ude00")).toEqual({ value: "Cuisine 😀" });
  });

  it("refuses markup", () => {
    for (const value of ["<script>alert(1)</script>", "<b>gras</b>", "Fin du texte</p>", "<img src=x onerror=alert(1)>", "<!-- commentaire -->"]) {
      expect(check(text, value)).toEqual({ error: TEXT_ERRORS.markup });
    }
  });

  it("keeps the signs « < » and « > » of ordinary sentences", () => {
    for (const value of ["moins de 26 ans (< 26 ans)", "3 < 4", "niveau > 3 et âge < 30 ans"]) expect(check(text, value)).toEqual({ value });
  });

  it("refuses a 20 000-character text, giving the limit", () => {
    const result = check(plainText(3000), "a".repeat(20_000));
    expect(result).toEqual({ error: TEXT_ERRORS.tooLong(3000) });
    expect("error" in result && result.error).toMatch(/^Ce texte est trop long\u00a0: 3\s000 caractères au maximum\.$/);
    expect(check(text, "a".repeat(255))).toEqual({ value: "a".repeat(255) });
    expect(check(text, "a".repeat(256))).toEqual({ error: TEXT_ERRORS.tooLong(255) });
  });

  it("counts the limit after removing the spaces around the text", () => {
    expect(check(text, `  ${"a".repeat(255)}\n`)).toEqual({ value: "a".repeat(255) });
  });

  it("refuses what is not text", () => {
    for (const value of [12, true, null, ["Agent"], { text: "Agent" }]) expect(check(text, value)).toEqual({ error: TEXT_ERRORS.notText });
  });

  it("is required on submission only, with what to write and how long", () => {
    const field = (mode: "draft" | "submit") => textField(mode, { what: "les objectifs", max: 3000, min: 20 });
    expect(check(field("submit"), "   ")).toEqual({ error: "Indiquez les objectifs." });
    expect(check(field("submit"), "Nettoyer")).toEqual({ error: "Ce texte est trop court : 20 caractères au minimum." });
    expect(check(field("draft"), "   ")).toEqual({ value: "" });
    expect(check(field("draft"), undefined)).toEqual({ value: "" });
    expect(check(field("draft"), "Nettoyer")).toEqual({ value: "Nettoyer" });
    expect(check(field("draft"), "<b>Nettoyer</b>")).toEqual({ error: TEXT_ERRORS.markup });
  });
});

describe("whole numbers", () => {
  const messages = { missing: "Indiquez un nombre de places." };
  const submitted = integerField("submit", { max: 999, messages });
  const drafted = integerField("draft", { max: 999, messages });

  it("reads digits as a form sends them, and numbers as a JSON client sends them", () => {
    expect(check(submitted, "12")).toEqual({ value: 12 });
    expect(check(submitted, 12)).toEqual({ value: 12 });
    expect(check(submitted, " 7 ")).toEqual({ value: 7 });
    expect(check(submitted, "0")).toEqual({ value: 0 });
    expect(check(submitted, "999")).toEqual({ value: 999 });
  });

  it("reads nothing else as a number", () => {
    for (const value of [true, false, [], [5], {}, "1e2", "0x10", "12 places", "+5", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(check(submitted, value)).toEqual({ error: "Indiquez un nombre entier, en chiffres." });
    }
  });

  it("refuses fractions, negative and too large numbers", () => {
    expect(check(submitted, "1.5")).toEqual({ error: "Indiquez un nombre entier, en chiffres." });
    expect(check(submitted, "1,5")).toEqual({ error: "Indiquez un nombre entier, en chiffres." });
    expect(check(submitted, 1.5)).toEqual({ error: "Indiquez un nombre entier, en chiffres." });
    expect(check(submitted, "-1")).toEqual({ error: "Ce nombre ne peut pas être négatif." });
    expect(check(submitted, -1)).toEqual({ error: "Ce nombre ne peut pas être négatif." });
    expect(check(submitted, 1000)).toEqual({ error: "Indiquez au plus 999." });
    const price = check(integerField("submit", { max: 999_999, messages }), 1_000_000);
    expect("error" in price && price.error).toMatch(/^Indiquez au plus 999\s999\.$/);
  });

  it("reads an empty field as missing on submission and as empty (null, never 0) in a draft", () => {
    for (const value of ["", "   ", null, undefined]) {
      expect(check(submitted, value)).toEqual({ error: "Indiquez un nombre de places." });
      expect(check(drafted, value)).toEqual({ value: null });
    }
  });

  it("may be left empty on submission when not required, or required even in a draft", () => {
    expect(check(integerField("submit", { max: 999, required: false, messages }), "")).toEqual({ value: null });
    expect(check(integerField("draft", { max: 999, always: true, messages }), "")).toEqual({ error: "Indiquez un nombre de places." });
  });

  it("uses the messages of the field", () => {
    const hours = integerField("submit", { max: 9999, messages: { missing: "Indiquez la durée.", notWhole: "Indiquez un nombre entier d’heures.", negative: "Pas d’heures négatives.", tooLarge: "Trop d’heures." } });
    expect([check(hours, ""), check(hours, "1e2"), check(hours, -3), check(hours, 10_000)]).toEqual([
      { error: "Indiquez la durée." },
      { error: "Indiquez un nombre entier d’heures." },
      { error: "Pas d’heures négatives." },
      { error: "Trop d’heures." },
    ]);
  });
});

describe("yes/no boxes", () => {
  it("reads booleans and what a form sends", () => {
    expect([true, "true", "on"].map((value) => check(booleanField, value))).toEqual([{ value: true }, { value: true }, { value: true }]);
    expect([false, "false", undefined].map((value) => check(booleanField, value))).toEqual([{ value: false }, { value: false }, { value: false }]);
  });

  it("refuses anything else rather than guessing", () => {
    for (const value of ["yes", "off", "1", 1, null, []]) expect(check(booleanField, value)).toEqual({ error: "Répondez par oui ou par non." });
  });
});

describe("e-mail, telephone, postcode, commune", () => {
  it("accepts an e-mail address, trimmed, or none", () => {
    expect(check(emailField, "  claire.martin@example.org ")).toEqual({ value: "claire.martin@example.org" });
    expect(check(emailField, "")).toEqual({ value: "" });
  });

  it("refuses what is not an e-mail address", () => {
    for (const value of ["claire", "claire@", "claire martin@example.org", "<claire@example.org>"]) {
      expect(check(emailField, value)).toEqual({ error: "Cette adresse électronique n’est pas valide : elle s’écrit nom@domaine.fr." });
    }
    expect(check(emailField, `${"a".repeat(160)}@example.org`)).toEqual({ error: "Cette adresse est trop longue : 160 caractères au maximum." });
  });

  it("accepts French telephone numbers as people type them", () => {
    for (const value of ["03 83 00 00 00", "+33 3 83 00 00 00", "0383000000", "03.83.00.00.00", "+33383000000", ""]) {
      expect(check(phoneField, value)).toEqual({ value });
    }
  });

  it("refuses a number that is not a French telephone number", () => {
    for (const value of ["123", "03 83 00 00", "03 83 00 00 00 0", "+44 20 7946 0958", "03 83 00 00 0A"]) {
      expect(check(phoneField, value)).toEqual({ error: "Ce numéro n’est pas valide : il s’écrit 03 83 00 00 00 ou +33 3 83 00 00 00." });
    }
  });

  it("needs a five-digit postcode, on submission", () => {
    expect(check(postcodeField("submit"), " 54000 ")).toEqual({ value: "54000" });
    for (const value of ["5400", "540000", "2A004", "54 000"]) {
      expect(check(postcodeField("draft"), value)).toEqual({ error: "Un code postal a cinq chiffres : 54000." });
    }
    expect(check(postcodeField("submit"), "")).toEqual({ error: "Indiquez le code postal." });
    expect(check(postcodeField("draft"), "")).toEqual({ value: "" });
  });

  it("needs a commune from the list, Corsica included, on submission", () => {
    for (const value of ["54395", "2A004", "2B033"]) expect(check(communeField("submit"), value)).toEqual({ value });
    for (const value of ["Nancy", "5439", "2C004", ""]) {
      expect(check(communeField("submit"), value)).toEqual({ error: "Choisissez une commune dans la liste." });
    }
    expect(check(communeField("draft"), "")).toEqual({ value: "" });
    expect(check(communeField("draft"), "Nancy")).toEqual({ error: "Choisissez une commune dans la liste." });
  });

  it("needs the postcode and the commune on submission even when they are not sent", () => {
    expect(check(postcodeField("submit"), undefined)).toEqual({ error: "Indiquez le code postal." });
    expect(check(communeField("submit"), undefined)).toEqual({ error: "Choisissez une commune dans la liste." });
  });

  it("checks each part of a contact", () => {
    const result = contactSchema.safeParse({ name: "<b>Claire</b>", phone: "123", email: "claire" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["name", "phone", "email"]);
    expect(check(contactSchema, undefined)).toEqual({ value: { name: "", phone: "", email: "" } });
  });
});

describe("dates and codes", () => {
  it("needs a real calendar day on submission", () => {
    const date = dateField("submit");
    expect(check(date, "2027-02-28")).toEqual({ value: "2027-02-28" });
    expect(check(date, "")).toEqual({ error: "Indiquez une date." });
    expect(check(date, undefined)).toEqual({ error: "Indiquez une date." });
    for (const value of ["2027-02-30", "28/02/2027", "2027-2-28"]) expect(check(date, value)).toEqual({ error: "Cette date n’est pas valide." });
    for (const value of ["0202-03-01", "1999-12-31", "2100-01-01"]) expect(check(date, value)).toEqual({ error: "Vérifiez l’année de cette date." });
  });

  it("may stay empty in a draft, or when not required", () => {
    expect(check(dateField("draft"), "")).toEqual({ value: "" });
    expect(check(dateField("submit", { required: false }), "")).toEqual({ value: "" });
    expect(check(dateField("draft"), "2027-02-30")).toEqual({ error: "Cette date n’est pas valide." });
  });

  it("needs a code of the list on submission", () => {
    const pathway = (mode: "draft" | "submit") => codeField(mode, ["1", "2", "3", "4"], { what: "le type de parcours" });
    expect(check(pathway("submit"), "3")).toEqual({ value: "3" });
    expect(check(pathway("submit"), "")).toEqual({ error: "Choisissez le type de parcours dans la liste." });
    expect(check(pathway("draft"), "")).toEqual({ value: "" });
    expect(check(pathway("draft"), "9")).toEqual({ error: "Choisissez le type de parcours dans la liste." });
  });
});
