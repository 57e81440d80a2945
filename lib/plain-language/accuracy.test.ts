// How well the checker agrees with a CARIF reviewer on real-style titles (titles.fixture.ts).
// Measured on the kinds a reviewer can label without hesitation; length and jargon are matters
// of judgement and are only checked on a few clear cases.

import { describe, expect, it } from "vitest";
import { checkPlainLanguage, type PlainLanguageKind } from "@/lib/plain-language/check";
import { flawedTitles, otherTitles, plainTitles } from "@/lib/plain-language/titles.fixture";

const MEASURED: PlainLanguageKind[] = ["acronym", "abbreviation", "capitals", "title-capitals", "title-code-only"];
const reported = (title: string) => new Set(checkPlainLanguage(title, "title").map((issue) => issue.kind));
const percent = (count: number, total: number) => `${count}/${total} = ${((100 * count) / total).toFixed(1).replace(".", ",")} %`;

describe("accuracy on real-style titles", () => {
  it("has a labelled set large enough to mean something", () => {
    expect(plainTitles.length).toBeGreaterThanOrEqual(25);
    expect(flawedTitles.length).toBeGreaterThanOrEqual(35);
    expect(plainTitles.every((title) => title.expected.length === 0)).toBe(true);
    expect(flawedTitles.every((title) => title.expected.some((kind) => MEASURED.includes(kind)))).toBe(true);
  });

  it("detects at least 90 % of the flawed titles and raises at most 5 % false alarms", () => {
    const missed = flawedTitles.filter(({ title, expected }) => {
      const kinds = reported(title);
      return !expected.filter((kind) => MEASURED.includes(kind)).every((kind) => kinds.has(kind));
    });
    const falseAlarms = plainTitles.filter(({ title }) => [...reported(title)].some((kind) => MEASURED.includes(kind)));
    const detected = flawedTitles.length - missed.length;

    console.log(
      `plain-language checker: detection ${percent(detected, flawedTitles.length)}, false alarms ${percent(falseAlarms.length, plainTitles.length)}`,
    );
    expect(detected / flawedTitles.length, `missed: ${missed.map((t) => t.title).join(" | ")}`).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarms.length / plainTitles.length, `false alarms: ${falseAlarms.map((t) => t.title).join(" | ")}`).toBeLessThanOrEqual(0.05);
  });

  it("reports the too-short and jargon cases a reviewer flags", () => {
    for (const { title, expected } of otherTitles) {
      expect([...reported(title)], title).toEqual(expect.arrayContaining(expected));
    }
  });
});
