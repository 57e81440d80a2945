import { describe, expect, it } from "vitest";
import { actionIdPrefixFromSlug, actionSlug, isWellFormedSlug, slugify } from "@/lib/slug";

describe("slugify", () => {
  it("makes readable addresses from French titles", () => {
    expect(slugify("Agent de propreté et d’hygiène")).toBe("agent-de-proprete-et-d-hygiene");
    expect(slugify("Œnologie : découvrir les vins de l’Aude")).toBe("oenologie-decouvrir-les-vins-de-l-aude");
    expect(slugify("Cœur de métier — Ça bouge !")).toBe("coeur-de-metier-ca-bouge");
    expect(slugify("  Préparation au CACES® R489 (catégories 1 à 5)  ")).toBe("preparation-au-caces-r489-categories-1-a-5");
  });

  it("cuts long titles without leaving a dash at the end", () => {
    const slug = slugify("Conduite de chariots élévateurs en sécurité", 20);
    expect(slug).toBe("conduite-de-chariots");
    expect(slugify("abcd efgh", 5)).toBe("abcd");
  });

  it("never returns an empty address", () => {
    expect(slugify("")).toBe("formation");
    expect(slugify("— ! ?")).toBe("formation");
  });
});

describe("action addresses", () => {
  const actionId = "3f2a9c1e-7b4d-4e21-9a0b-5c6d7e8f9012";

  it("ends with the start of the action id, so that old links can be redirected", () => {
    const slug = actionSlug("Agent de propreté et d’hygiène", actionId);
    expect(slug).toBe("agent-de-proprete-et-d-hygiene-3f2a9c1e");
    expect(actionIdPrefixFromSlug(slug)).toBe("3f2a9c1e");
    expect(actionIdPrefixFromSlug(actionSlug("Un tout autre intitulé", actionId))).toBe("3f2a9c1e");
  });

  it("finds no id in an address without one", () => {
    expect(actionIdPrefixFromSlug("agent-de-proprete")).toBeNull();
    expect(actionIdPrefixFromSlug("formation-3F2A9C1E")).toBeNull();
  });
});

describe("isWellFormedSlug", () => {
  it("accepts what slugify and actionSlug write, and nothing else", () => {
    expect(isWellFormedSlug(actionSlug("Maçon du bâti ancien", "0123abcd-0000-0000-0000-000000000000"))).toBe(true);
    for (const bad of ["", "_", "-a", "a-", "a--b", "A", "é", "a b", "x-%", "a".repeat(201)]) expect(isWellFormedSlug(bad), bad).toBe(false);
  });
});
