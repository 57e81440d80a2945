import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { schedules } from "@/lib/jobs/schedules";

/** « 00:10 »: the hour in Paris of an instant. */
const paris = (at: Date) => at.toLocaleString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

describe("schedules", () => {
  it("are read from vercel.json, one per cron route", () => {
    expect(schedules().map((s) => s.job)).toEqual(["withdraw-sessions", "expire-dossiers", "send-mail", "staff-digest", "reorder-search"]);
  });

  it("run the withdrawal and the expiry at midnight in Paris, in winter and in summer, and again a little later", () => {
    const runs = (cron: string, from: string) => new Cron(cron, { timezone: "UTC" }).nextRuns(4, new Date(from)).map(paris);
    const [withdrawal, expiry] = schedules();
    expect(runs(withdrawal!.cron, "2027-01-15T12:00:00Z")).toEqual(["23:00", "23:10", "00:00", "00:10"]);
    expect(runs(withdrawal!.cron, "2027-07-15T12:00:00Z")).toEqual(["00:00", "00:10", "01:00", "01:10"]);
    expect(runs(expiry!.cron, "2027-01-15T12:00:00Z")).toEqual(["23:01", "23:20", "00:01", "00:20"]);
  });

  it("reorder the search table in the small hours in Paris, when searches are rare (the table is locked a few seconds)", () => {
    const reorder = schedules().find((s) => s.job === "reorder-search")!;
    const next = (from: string) => new Cron(reorder.cron, { timezone: "UTC" }).nextRuns(1, new Date(from)).map(paris);
    expect(next("2027-01-15T12:00:00Z")).toEqual(["02:40"]);
    expect(next("2027-07-15T12:00:00Z")).toEqual(["03:40"]);
  });
});
