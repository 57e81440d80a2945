import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, formatDateRange, formatDateTime, formatLongDate, isIsoDate, parisDate } from "@/lib/dates";

describe("parisDate", () => {
  it("gives the calendar day in Paris, not in UTC", () => {
    // 23:30 UTC in winter is 00:30 the next day in Paris (UTC+1).
    expect(parisDate(new Date("2027-03-08T23:30:00Z"))).toBe("2027-03-09");
    expect(parisDate(new Date("2027-03-08T22:59:59Z"))).toBe("2027-03-08");
    expect(parisDate(new Date("2027-03-08T23:00:00Z"))).toBe("2027-03-09");
  });

  it("follows summer time (UTC+2)", () => {
    expect(parisDate(new Date("2027-07-14T21:59:00Z"))).toBe("2027-07-14");
    expect(parisDate(new Date("2027-07-14T22:00:00Z"))).toBe("2027-07-15");
  });

  it("changes year at Paris midnight on New Year's Eve", () => {
    expect(parisDate(new Date("2026-12-31T23:15:00Z"))).toBe("2027-01-01");
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar days only", () => {
    expect(isIsoDate("2027-03-01")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-04-31")).toBe(false);
    expect(isIsoDate("2027-13-01")).toBe(false);
    expect(isIsoDate("01/03/2027")).toBe(false);
    expect(isIsoDate("2027-3-1")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("addDays", () => {
  it("counts calendar days across months, years and the summer-time change", () => {
    expect(addDays("2027-03-01", 8)).toBe("2027-03-09");
    expect(addDays("2027-02-25", 8)).toBe("2027-03-05");
    expect(addDays("2028-02-25", 8)).toBe("2028-03-04");
    expect(addDays("2026-12-28", 8)).toBe("2027-01-05");
    expect(addDays("2027-03-25", 8)).toBe("2027-04-02");
    expect(addDays("2027-03-09", -7)).toBe("2027-03-02");
  });

  it("refuses what is not a date", () => {
    expect(() => addDays("2027-02-30", 1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("keeps the day of the month when it exists", () => {
    expect(addMonths("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-03-31", 1)).toBe("2027-04-30");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
  });
});

describe("dates for people", () => {
  it("writes a long French date with the day of the week", () => {
    expect(formatLongDate("2027-03-01")).toBe("lundi 1 mars 2027");
    expect(formatLongDate("2026-12-25")).toBe("vendredi 25 décembre 2026");
  });

  it("writes ranges without repeating the year when it is the same", () => {
    expect(formatDateRange("2027-03-01", "2027-06-30")).toBe("du 1 mars au 30 juin 2027");
    expect(formatDateRange("2026-12-03", "2027-01-12")).toBe("du 3 décembre 2026 au 12 janvier 2027");
    expect(formatDateRange("2027-05-04", "2027-05-04")).toBe("le 4 mai 2027");
  });

  it("writes date and time in Paris time", () => {
    expect(formatDateTime(new Date("2026-11-26T18:40:00Z"))).toBe("26 novembre 2026 à 19:40");
    expect(formatDateTime(new Date("2027-03-08T23:30:00Z"))).toBe("9 mars 2027 à 00:30");
  });
});

describe("daysBetween", () => {
  it("counts calendar days, across a change of summer time and backwards", () => {
    expect(daysBetween("2027-03-27", "2027-03-29")).toBe(2);
    expect(daysBetween("2027-09-01", "2027-08-12")).toBe(-20);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });
});
