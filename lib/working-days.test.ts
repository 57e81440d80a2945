import { describe, expect, it } from "vitest";
import { easterSunday, isWorkingDay, publicHolidays, workingDaysBetween } from "@/lib/working-days";

describe("French working days", () => {
  it("finds Easter Sunday", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2028)).toBe("2028-04-16");
  });

  it("knows the public holidays, fixed and moving", () => {
    expect([...publicHolidays(2027)].sort()).toEqual([
      "2027-01-01",
      "2027-03-29", // Easter Monday
      "2027-05-01",
      "2027-05-06", // Ascension
      "2027-05-08",
      "2027-05-17", // Whit Monday
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
      "2027-12-25",
    ]);
  });

  it("skips weekends and holidays", () => {
    expect(isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-11")).toBe(false); // Armistice
  });

  it("counts the working days an item waited", () => {
    // Sent on Friday 20 November 2026; on Friday 27 November, 5 working days have passed.
    expect(workingDaysBetween("2026-11-20", "2026-11-27")).toBe(5);
    expect(workingDaysBetween("2026-11-20", "2026-11-20")).toBe(0);
    expect(workingDaysBetween("2026-11-27", "2026-11-20")).toBe(0);
    // Over Christmas and New Year's Day.
    expect(workingDaysBetween("2026-12-23", "2027-01-04")).toBe(6);
  });
});
