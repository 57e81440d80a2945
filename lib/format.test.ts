import { describe, expect, it } from "vitest";
import { formatPlaces } from "@/lib/format";

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
