import { describe, expect, it } from "vitest";
import { isValidSiren, isValidSiret, luhn } from "./siret";

describe("luhn", () => {
  it("accepts the textbook example and rejects it with a changed check digit", () => {
    expect(luhn("79927398713")).toBe(true);
    expect(luhn("79927398710")).toBe(false);
  });

  it("rejects anything that is not only digits", () => {
    expect(luhn("")).toBe(false);
    expect(luhn("7992 7398 713")).toBe(false);
  });
});

describe("isValidSiren", () => {
  it("accepts real SIREN numbers", () => {
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("443061841")).toBe(true);
  });

  it("rejects a mistyped SIREN number", () => {
    expect(isValidSiren("732829321")).toBe(false);
    expect(isValidSiren("73282932")).toBe(false);
  });
});

describe("isValidSiret", () => {
  it("accepts real SIRET numbers", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("44306184100047")).toBe(true);
  });

  it("rejects a changed check digit", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
  });

  it("rejects two swapped neighbouring digits", () => {
    expect(isValidSiret("73282932000047")).toBe(false);
  });

  it("rejects arbitrary digits", () => {
    expect(isValidSiret("12345678901234")).toBe(false);
  });

  it("rejects the wrong length, spaces and letters", () => {
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("732829320000740")).toBe(false);
    expect(isValidSiret("732 829 320 00074")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
  });
});

describe("isValidSiret for La Poste", () => {
  it("accepts La Poste establishments whose digits add up to a multiple of 5", () => {
    // 3+5+6 + 0… + 0+0+5+1+5 = 25
    expect(isValidSiret("35600000000515")).toBe(true);
  });
  it("rejects a La Poste number whose digit sum is not a multiple of 5", () => {
    expect(isValidSiret("35600000000516")).toBe(false);
  });
});
