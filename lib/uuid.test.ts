import { afterEach, describe, expect, it, vi } from "vitest";
import { randomId } from "@/lib/uuid";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("randomId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives a v4 UUID", () => {
    expect(randomId()).toMatch(V4);
  });

  it("still gives distinct v4 UUIDs where crypto.randomUUID is missing (plain http)", () => {
    const real = globalThis.crypto;
    const getRandomValues = real.getRandomValues.bind(real);
    vi.stubGlobal("crypto", { getRandomValues } as Crypto);
    const ids = new Set(Array.from({ length: 50 }, () => randomId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
