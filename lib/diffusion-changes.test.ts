import { describe, expect, it } from "vitest";
import { describeDiffusionChange } from "@/lib/diffusion-changes";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("describeDiffusionChange", () => {
  it("names the session withdrawn at J+8 by its start date, and the day it left", () => {
    expect(plain(describeDiffusionChange({ entity: "session", change: "left", reason: "j8", sessionStart: "2026-12-02", onDate: "2026-12-10" }))).toBe(
      "Session du 2 décembre 2026 retirée du site le 10 décembre 2026, 8 jours après son début",
    );
  });

  it("says why an action left the site, and when it came back", () => {
    expect(plain(describeDiffusionChange({ entity: "action", change: "left", reason: "no-session", sessionStart: null, onDate: "2026-12-10" }))).toBe(
      "Action retirée du site le 10 décembre 2026 : plus aucune session à venir",
    );
    expect(plain(describeDiffusionChange({ entity: "action", change: "left", reason: "dossier-expired", sessionStart: null, onDate: "2027-01-01" }))).toBe(
      "Action retirée du site le 1 janvier 2027 : le dossier de l’organisme est à renouveler",
    );
    expect(describeDiffusionChange({ entity: "action", change: "returned", reason: "approved", sessionStart: null, onDate: "2027-01-03" })).toBe(
      "Action de nouveau sur le site le 3 janvier 2027",
    );
  });

  it("keeps non-breaking spaces before the colon and inside the number of days (French typography)", () => {
    expect(describeDiffusionChange({ entity: "action", change: "left", reason: "archived", sessionStart: null, onDate: "2026-12-10" })).toContain("2026\u00a0: l’action");
    expect(describeDiffusionChange({ entity: "session", change: "left", reason: "j8", sessionStart: "2026-12-02", onDate: "2026-12-10" })).toContain("8\u00a0jours");
  });
});
