import { describe, expect, it } from "vitest";
import {
  firstFreeIdentifier,
  generateTemporaryPassword,
  identifierPart,
  IDENTIFIER_MAX_LENGTH,
  organisationIdentifierBase,
  PASSWORD_ALPHABET,
  staffIdentifierBase,
  temporaryPasswordEntropyBits,
} from "@/lib/auth/credentials";

describe("temporary passwords", () => {
  it("are at least 16 characters, in groups of four separated by dashes", () => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password.replaceAll("-", "").length).toBeGreaterThanOrEqual(16);
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    }
  });

  it("use only characters that cannot be confused when read out or written", () => {
    expect(PASSWORD_ALPHABET).not.toMatch(/[01ilo]/);
    expect(new Set(PASSWORD_ALPHABET).size).toBe(PASSWORD_ALPHABET.length);
    const allowed = new Set([...PASSWORD_ALPHABET, "-"]);
    for (let i = 0; i < 200; i++) {
      for (const char of generateTemporaryPassword()) expect(allowed.has(char), char).toBe(true);
    }
  });

  it("carry more than 90 bits of randomness", () => {
    expect(temporaryPasswordEntropyBits()).toBeGreaterThan(90);
  });

  it("are all different, and every character of the alphabet turns up about as often", () => {
    const passwords = Array.from({ length: 3000 }, generateTemporaryPassword);
    expect(new Set(passwords).size).toBe(passwords.length);
    const counts = new Map<string, number>();
    for (const password of passwords) for (const char of password.replaceAll("-", "")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(PASSWORD_ALPHABET.length);
    // 60 000 draws over 31 characters: about 1 935 each; a biased generator would stray far more.
    const expected = (passwords.length * 20) / PASSWORD_ALPHABET.length;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15);
  });
});

describe("identifiers", () => {
  it.each([
    ["Bâtiment Formation Lorraine", "Nancy", "batiment-lorraine.nancy"],
    ["L’Atelier d’Électricité", "Épinal", "atelier-electricite.epinal"],
    ["SARL Conduite & Sécurité", "Pont-à-Mousson", "conduite-securite.pont-a-mousson"],
    ["Institut lorrain des métiers du soin", "Metz", "institut-lorrain.metz"],
    ["Association de formation", "Toul", "association-formation.toul"],
    ["Œuvre d'aide à l'emploi", "Bar-le-Duc", "oeuvre-aide.bar-le-duc"],
    ["!!!", "Nancy", "organisme.nancy"],
  ])("« %s » in %s → %s", (name, town, expected) => {
    expect(organisationIdentifierBase(name, town)).toBe(expected);
  });

  it("keep each part short, so that identifiers stay easy to dictate", () => {
    const base = organisationIdentifierBase("Établissement interdépartemental d’enseignement professionnel supérieur", "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson");
    const [org, town] = base.split(".");
    expect(org!.length).toBeLessThanOrEqual(24);
    expect(town!.length).toBeLessThanOrEqual(24);
    expect(base).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    expect(identifierPart("Chambre de commerce", "x")).toBe("chambre-commerce");
  });

  it.each([
    ["Claire Martin", "claire.martin"],
    ["Jean-Pierre de La Fontaine", "jean-pierre.fontaine"],
    ["Zoé", "zoe"],
    ["  ", "equipe"],
  ])("of the team: « %s » → %s", (name, expected) => {
    expect(staffIdentifierBase(name)).toBe(expected);
  });

  it("take the smallest free number from 2 when the identifier is taken", () => {
    expect(firstFreeIdentifier("btp.nancy", new Set())).toBe("btp.nancy");
    expect(firstFreeIdentifier("btp.nancy", new Set(["btp.nancy"]))).toBe("btp.nancy2");
    expect(firstFreeIdentifier("btp.nancy", new Set(["btp.nancy", "btp.nancy2", "btp.nancy4"]))).toBe("btp.nancy3");
    expect(firstFreeIdentifier("BTP.Nancy", new Set(["btp.nancy"]))).toBe("btp.nancy2");
  });

  it("leave room for the number within the column's length", () => {
    const long = "a".repeat(80);
    const taken = new Set([long.slice(0, IDENTIFIER_MAX_LENGTH - 4)]);
    expect(firstFreeIdentifier(long, taken).length).toBeLessThanOrEqual(IDENTIFIER_MAX_LENGTH);
  });
});
