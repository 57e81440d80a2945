import { describe, expect, it } from "vitest";
import { asSentence, formatPlaces } from "@/lib/format";

describe("formatPlaces", () => {
  it("says when a session is full", () => {
    expect(formatPlaces(0)).toBe("complet : aucune place disponible");
  });
  it("agrees in number and separates thousands with a space", () => {
    expect(formatPlaces(1)).toBe("1 place disponible");
    expect(formatPlaces(12)).toBe("12 places disponibles");
    expect(formatPlaces(1200).replace(/\s/g, " ")).toBe("1 200 places disponibles");
  });
});

describe("asSentence", () => {
  it("ends with one full stop, whatever was typed", () => {
    expect(asSentence("Temps plein, du lundi au vendredi.")).toBe("Temps plein, du lundi au vendredi.");
    expect(asSentence("Temps plein")).toBe("Temps plein.");
    expect(asSentence("Temps plein.. ")).toBe("Temps plein.");
    expect(asSentence("Vous hésitez ?")).toBe("Vous hésitez ?");
  });
});
