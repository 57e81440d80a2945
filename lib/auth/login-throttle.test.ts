import { describe, expect, it } from "vitest";
import { LOGIN_LOCK_AFTER, LOGIN_LOCK_MS, loginDelayMs, loginThrottledMessage, loginThrottleKeys } from "@/lib/auth/login-throttle";

describe("login delays", () => {
  it("let two failures pass, then grow, and lock at the tenth", () => {
    const delays = Array.from({ length: 12 }, (_, i) => loginDelayMs(i + 1));
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    expect(delays.slice(2, 9)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    for (let i = 2; i < 9; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(loginDelayMs(LOGIN_LOCK_AFTER)).toBe(LOGIN_LOCK_MS);
    expect(LOGIN_LOCK_MS).toBe(15 * 60 * 1000);
  });

  it("keys the identifier as typed, in lower case, whether an account has it or not", () => {
    expect(loginThrottleKeys("  BTP.Nancy ", "203.0.113.7")).toEqual({ identifier: "login:id:btp.nancy", address: "login:ip:203.0.113.7" });
  });

  it("say how long to wait, in French, without a word about the account", () => {
    expect(loginThrottledMessage(1000)).toBe("Trop de tentatives de connexion ont échoué. Patientez 1\u00a0seconde avant de réessayer.");
    expect(loginThrottledMessage(3500)).toContain("Patientez 4\u00a0secondes");
    expect(loginThrottledMessage(LOGIN_LOCK_MS)).toContain("bloquée pendant 15\u00a0minutes");
    for (const wait of [1000, 60_000, LOGIN_LOCK_MS]) expect(loginThrottledMessage(wait)).not.toMatch(/compte|identifiant inconnu|existe/i);
  });
});
