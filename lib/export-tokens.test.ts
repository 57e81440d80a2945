import { describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { exportTokenName, exportTokens } from "@/lib/export-tokens";

const A = "a".repeat(24);
const B = "Zm9vYmFyYmF6cXV4MDEyMzQ1Njc4OQ==";

describe("export tokens", () => {
  it("reads named tokens and the single one", () => {
    const env = serverEnv({ EXPORT_TOKENS: `france-travail:${A},recette:${B}`, EXPORT_TOKEN: `x${A}` });
    expect(exportTokens(env)).toEqual([
      { name: "france-travail", token: A },
      { name: "recette", token: B },
      { name: "default", token: `x${A}` },
    ]);
    expect(exportTokens({})).toEqual([]);
  });

  it("refuses short or malformed tokens at start-up", () => {
    expect(() => serverEnv({ EXPORT_TOKENS: "ft:short" })).toThrow(/EXPORT_TOKENS/);
    expect(() => serverEnv({ EXPORT_TOKENS: `ft ${A}` })).toThrow(/EXPORT_TOKENS/);
    expect(() => serverEnv({ EXPORT_TOKEN: "short" })).toThrow(/EXPORT_TOKEN/);
  });

  it("names the token a request carries, and nothing else", () => {
    const tokens = exportTokens(serverEnv({ EXPORT_TOKENS: `france-travail:${A},recette:${B}` }));
    expect(exportTokenName(`Bearer ${B}`, tokens)).toBe("recette");
    expect(exportTokenName(`Bearer ${A}`, tokens)).toBe("france-travail");
    for (const header of [null, "", `Bearer ${A}x`, `bearer ${A}`, A, `Basic ${A}`, "Bearer "]) expect(exportTokenName(header, tokens)).toBeNull();
    expect(exportTokenName("Bearer ", [])).toBeNull();
  });
});
