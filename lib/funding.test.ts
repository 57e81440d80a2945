import { describe, expect, it } from "vitest";
import { fundingSentence, hasPublicFunder } from "./funding";

const funders = (...codes: string[]) => codes.map((code) => ({ code }));
const sentence = (codes: string[], voteDate = "", comment = "") => fundingSentence({ funders: funders(...codes), funding: { voteDate, comment } });

describe("fundingSentence", () => {
  it("names one public funder and the date of its decision", () => {
    expect(sentence(["2"], "2026-03-12")).toBe("Formation financée par la Région Grand Est, décision du 12 mars 2026.");
  });

  it("joins two funders with « et »", () => {
    expect(sentence(["2", "4"], "2026-03-12")).toBe("Formation financée par la Région Grand Est et France Travail, décision du 12 mars 2026.");
  });

  it("joins three funders as « A, B et C »", () => {
    expect(sentence(["2", "4", "3"], "2026-03-12")).toBe(
      "Formation financée par la Région Grand Est, France Travail et le Fonds social européen, décision du 12 mars 2026.",
    );
  });

  it("writes the date in long French form", () => {
    expect(sentence(["2"], "2026-08-25")).toBe("Formation financée par la Région Grand Est, décision du 25 août 2026.");
    expect(sentence(["2"], "2027-02-09")).toBe("Formation financée par la Région Grand Est, décision du 9 février 2027.");
  });

  it("mentions no decision when there is no vote date, as for a non-public funder", () => {
    expect(sentence(["16"])).toBe("Formation financée par un opérateur de compétences.");
    expect(sentence(["5", "10"])).toBe("Formation financée par l’entreprise et la personne formée.");
  });

  it("adds the provider's comment after the sentence, trimmed", () => {
    expect(sentence(["2"], "2026-03-12", "  Places réservées aux demandeurs d’emploi.\n")).toBe(
      "Formation financée par la Région Grand Est, décision du 12 mars 2026. Places réservées aux demandeurs d’emploi.",
    );
    expect(sentence(["2"], "2026-03-12", "   ")).toBe("Formation financée par la Région Grand Est, décision du 12 mars 2026.");
  });

  it("ignores an unknown funder code, and names a funder once", () => {
    expect(sentence(["99", "2", "2"], "2026-03-12")).toBe("Formation financée par la Région Grand Est, décision du 12 mars 2026.");
  });

  it("writes nothing without a known funder, even with a comment", () => {
    expect(sentence([], "2026-03-12", "Financement en cours.")).toBeNull();
    expect(sentence(["99"], "2026-03-12", "Financement en cours.")).toBeNull();
  });
});

describe("hasPublicFunder", () => {
  it("is true when one of the funders decides by a vote", () => {
    expect(hasPublicFunder(funders("16", "4"))).toBe(true);
    expect(hasPublicFunder(funders("2"))).toBe(true);
  });

  it("is false for private funders, unknown codes and no funder", () => {
    expect(hasPublicFunder(funders("16", "5", "7"))).toBe(false);
    expect(hasPublicFunder(funders("99"))).toBe(false);
    expect(hasPublicFunder([])).toBe(false);
  });
});
