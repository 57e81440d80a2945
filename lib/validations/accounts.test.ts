import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validations/errors";
import {
  newOrganisationSchema,
  newStaffAccountSchema,
  organisationSearchSchema,
  PASSWORD_ERRORS,
  passwordChangeSchema,
  passwordIdentifierError,
} from "@/lib/validations/accounts";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) => (result.success ? {} : fieldErrors(result.error!));

describe("the password a person chooses", () => {
  it("is at least 12 characters long", () => {
    expect(errorsOf(passwordChangeSchema.safeParse({ password: "court", confirmation: "court" }))).toEqual({ password: PASSWORD_ERRORS.tooShort });
    expect(passwordChangeSchema.safeParse({ password: "douze-lettres", confirmation: "douze-lettres" }).success).toBe(true);
  });

  it("is typed twice, the same", () => {
    expect(errorsOf(passwordChangeSchema.safeParse({ password: "un mot de passe long", confirmation: "un mot de passe lonG" }))).toEqual({
      confirmation: PASSWORD_ERRORS.mismatch,
    });
  });

  it("has a bound, and the current password is optional (asked for on voluntary changes only)", () => {
    const long = "x".repeat(201);
    expect(errorsOf(passwordChangeSchema.safeParse({ password: long, confirmation: long }))).toEqual({ password: PASSWORD_ERRORS.tooLong });
    expect(passwordChangeSchema.parse({ password: "un mot de passe long", confirmation: "un mot de passe long" }).currentPassword).toBe("");
  });

  it("neither is nor contains the identifier, whatever the case", () => {
    expect(passwordIdentifierError("btp.nancy", "btp.nancy")).toBe(PASSWORD_ERRORS.identifier);
    expect(passwordIdentifierError("Mon-BTP.Nancy-2026", "btp.nancy")).toBe(PASSWORD_ERRORS.identifier);
    expect(passwordIdentifierError("chevaux de Lorraine bleus", "btp.nancy")).toBeUndefined();
  });
});

describe("a new organisation and its first user", () => {
  const valid = {
    name: "Bâtiment Formation Lorraine",
    siret: "732 829 320 00074",
    address: { street: "", street2: "", postcode: "54000", communeInsee: "54395", communeName: "Nancy" },
    email: "contact@btp-lorraine.fr",
    userName: "Claire Martin",
    userEmail: "claire.martin@btp-lorraine.fr",
  };

  it("accepts what staff type, spaces in the SIRET and no street", () => {
    const parsed = newOrganisationSchema.parse(valid);
    expect(parsed.siret).toBe("73282932000074");
    expect(parsed.address.street).toBe("");
  });

  it("refuses a SIRET whose check digit is wrong, a missing commune and missing people", () => {
    const errors = errorsOf(
      newOrganisationSchema.safeParse({ ...valid, siret: "73282932000075", address: { ...valid.address, communeInsee: "" }, userName: "", userEmail: "" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["address.communeInsee", "siret", "userEmail", "userName"]);
    expect(errors.siret).toMatch(/clé de contrôle/);
  });

  it("team accounts have a role of the team only", () => {
    expect(errorsOf(newStaffAccountSchema.safeParse({ displayName: "Claire Martin", email: "claire@carif.fr", role: "provider" }))).toHaveProperty("role");
    expect(newStaffAccountSchema.safeParse({ displayName: "Claire Martin", email: "claire@carif.fr", role: "admin" }).success).toBe(true);
  });

  it("the search of organisations survives any query string", () => {
    expect(organisationSearchSchema.parse({ q: ["a", "b"], page: "abc" })).toEqual({ q: "", page: 1 });
    expect(organisationSearchSchema.parse({ q: " nancy ", page: "3" })).toEqual({ q: "nancy", page: 3 });
  });
});
