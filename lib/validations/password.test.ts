import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { PASSWORD_ERRORS } from "@/lib/validations/accounts";
import { COMMON_PASSWORDS } from "@/lib/validations/common-passwords";
import { passwordStrengthError, strongPasswordChangeSchema } from "@/lib/validations/password";

const change = (password: string) => strongPasswordChangeSchema.safeParse({ password, confirmation: password });

describe("the password rule", () => {
  it("ships a list of a few thousand common passwords, in lower case, without duplicates", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(3000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    expect(COMMON_PASSWORDS.every((entry) => entry === entry.toLowerCase() && entry.length >= 6)).toBe(true);
    expect(COMMON_PASSWORDS).toEqual(expect.arrayContaining(["azerty", "motdepasse", "marseille", "chouchou", "azertyuiop"]));
  });

  it("refuses a common password, whole or with digits and signs around it, whatever its case", () => {
    for (const password of ["azertyuiop123", "MotDePasse2026", "Marseille13!!!", "qwertyuiop123", "Toulouse31000"]) {
      expect(passwordStrengthError(password), password).toBe(PASSWORD_ERRORS.common);
    }
  });

  it("refuses what the estimator finds easy to guess, in French words too", () => {
    for (const password of ["jetaimejetaime", "aaaaaaaaaaaa", "qsdfghjklmqsdf", "abcdefghijkl1", "abcabcabcabc"]) {
      expect(passwordStrengthError(password), password).toBe(PASSWORD_ERRORS.weak);
    }
  });

  it("accepts a sentence of a few words, and long random codes", () => {
    for (const password of ["trois chevaux bleus à Nancy", "une phrase de passe bien longue", "k7mp-3xq9-ha4w-tz2e-8nvc", "Le ruisseau gèle en janvier"]) {
      expect(passwordStrengthError(password), password).toBeUndefined();
    }
  });

  it("is the schema the forms and the server actions share: 12 characters, then the strength", () => {
    expect(change("court").error?.issues.map((issue) => issue.message)).toEqual([PASSWORD_ERRORS.tooShort]);
    expect(change("azertyuiop123").error?.issues).toEqual([expect.objectContaining({ path: ["password"], message: PASSWORD_ERRORS.common })]);
    expect(change("trois chevaux bleus à Nancy").success).toBe(true);
  });

  it("hashes with argon2id, its parameters written in the hash", async () => {
    expect(await hashPassword("trois chevaux bleus à Nancy")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
