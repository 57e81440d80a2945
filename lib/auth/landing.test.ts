import { describe, expect, it } from "vitest";
import { landingFor, PASSWORD_PAGE } from "@/lib/auth/landing";

describe("landingFor", () => {
  it("sends temporary codes straight to the password page, whatever the role", () => {
    expect(landingFor({ role: "provider", mustChangePassword: true })).toBe(PASSWORD_PAGE);
    expect(landingFor({ role: "staff", mustChangePassword: true })).toBe(PASSWORD_PAGE);
  });

  it("sends everyone else home, and the signed-out to the login page", () => {
    expect(landingFor({ role: "provider", mustChangePassword: false })).toBe("/espace-organisme");
    expect(landingFor({ role: "admin", mustChangePassword: false })).toBe("/gestion/validation");
    expect(landingFor(null)).toBe("/connexion");
  });
});
