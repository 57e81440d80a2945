import { describe, expect, it } from "vitest";
import { containedSimilarity, foldText, trigrams } from "@/lib/trigrams";

describe("trigrams", () => {
  it("folds case, accents and ligatures as fold_text() does", () => {
    expect(foldText("Maçonnerie GROS ŒUVRE, Élagage")).toBe("maconnerie gros oeuvre, elagage");
  });

  it("pads each word as pg_trgm does", () => {
    expect([...trigrams("cat")]).toEqual(["  c", " ca", "cat", "at "]);
    expect(trigrams("a-b").size).toBe(4);
  });

  it("scores a label fully contained in the text at 1, a typo lower, an unrelated label near 0", () => {
    const text = trigrams(foldText("Maçon en bâtiment : du gros œuvre à la rénovation"));
    expect(containedSimilarity(trigrams(foldText("Gros œuvre")), text)).toBe(1);
    const typo = containedSimilarity(trigrams(foldText("Maçonerie")), trigrams(foldText("maçonnerie")));
    expect(typo).toBeGreaterThan(0.6);
    expect(typo).toBeLessThan(1);
    expect(containedSimilarity(trigrams("comptabilite"), text)).toBeLessThan(0.2);
    expect(containedSimilarity(new Set(), text)).toBe(0);
  });
});
