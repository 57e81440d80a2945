import { describe, expect, it } from "vitest";
import { addDays, parisDate } from "@/lib/dates";
import {
  diffusionOf,
  dossierExpiryDate,
  earliestDiffusedStartDate,
  isDossierValid,
  isSessionDiffused,
  sessionWithdrawalDate,
  type DiffusionInput,
} from "@/lib/diffusion";

describe("R9 — withdrawal of a session at J+8", () => {
  const session = { startDate: "2027-03-01" };

  it("withdraws a session starting on 1 March on 9 March (J+8)", () => {
    expect(sessionWithdrawalDate("2027-03-01")).toBe("2027-03-09");
  });

  it("shows the session up to and including J+7", () => {
    expect(isSessionDiffused(session, "2027-02-01")).toBe(true);
    expect(isSessionDiffused(session, "2027-03-01")).toBe(true);
    expect(isSessionDiffused(session, "2027-03-08")).toBe(true);
    expect(isSessionDiffused(session, "2027-03-09")).toBe(false);
    expect(isSessionDiffused(session, "2027-03-10")).toBe(false);
  });

  it("counts days in Paris: at 23:30 UTC on 8 March it is already 9 March", () => {
    expect(isSessionDiffused(session, parisDate(new Date("2027-03-08T22:30:00Z")))).toBe(true);
    expect(isSessionDiffused(session, parisDate(new Date("2027-03-08T23:30:00Z")))).toBe(false);
  });

  it("counts calendar days across the spring change to summer time (night of 27 to 28 March 2027)", () => {
    const start = { startDate: "2027-03-22" };
    expect(sessionWithdrawalDate("2027-03-22")).toBe("2027-03-30");
    // 29 March at 23:59 Paris (21:59 UTC, summer time) is still J+7; 22:00 UTC is 30 March in Paris.
    expect(isSessionDiffused(start, parisDate(new Date("2027-03-29T21:59:00Z")))).toBe(true);
    expect(isSessionDiffused(start, parisDate(new Date("2027-03-29T22:00:00Z")))).toBe(false);
  });

  it("counts calendar days across the autumn change to winter time (night of 30 to 31 October 2027)", () => {
    const start = { startDate: "2027-10-25" };
    expect(sessionWithdrawalDate("2027-10-25")).toBe("2027-11-02");
    // 1 November at 23:59 Paris (22:59 UTC, winter time) is still J+7; 23:00 UTC is 2 November in Paris.
    expect(isSessionDiffused(start, parisDate(new Date("2027-11-01T22:59:00Z")))).toBe(true);
    expect(isSessionDiffused(start, parisDate(new Date("2027-11-01T23:00:00Z")))).toBe(false);
  });

  it("withdraws at Paris midnight exactly", () => {
    expect(isSessionDiffused(session, parisDate(new Date("2027-03-08T22:59:59Z")))).toBe(true);
    expect(isSessionDiffused(session, parisDate(new Date("2027-03-08T23:00:00Z")))).toBe(false);
  });

  it("counts calendar days across the end of February", () => {
    expect(sessionWithdrawalDate("2027-02-25")).toBe("2027-03-05");
    expect(sessionWithdrawalDate("2028-02-25")).toBe("2028-03-04");
  });

  it("agrees with the start-date bound used by the SQL", () => {
    const today = "2027-03-09";
    expect(earliestDiffusedStartDate(today)).toBe("2027-03-02");
    for (let offset = -20; offset <= 20; offset++) {
      const startDate = addDays(today, offset);
      expect(isSessionDiffused({ startDate }, today), startDate).toBe(startDate >= earliestDiffusedStartDate(today));
    }
  });
});

/** A dossier approved at `approvedAt`, with no renewal waiting unless `submittedAt` is given. */
const dossier = (approvedAt: Date | null, submittedAt: Date | null = null) => ({ dossierApprovedAt: approvedAt, dossierSubmittedAt: submittedAt });

describe("R8 — the organisation dossier is valid 12 months", () => {
  it("expires 12 months after the Paris day of approval", () => {
    const approvedAt = new Date("2026-03-01T10:00:00Z");
    expect(dossierExpiryDate(approvedAt)).toBe("2027-03-01");
    expect(isDossierValid(dossier(approvedAt), "2027-02-28")).toBe(true);
    expect(isDossierValid(dossier(approvedAt), "2027-03-01")).toBe(false);
  });

  it("takes the approval day in Paris: 23:30 UTC on 28 February is 1 March", () => {
    const approvedAt = new Date("2026-02-28T23:30:00Z");
    expect(dossierExpiryDate(approvedAt)).toBe("2027-03-01");
    expect(isDossierValid(dossier(approvedAt), "2027-02-28")).toBe(true);
  });

  it("takes the approval day in Paris in summer time too", () => {
    expect(dossierExpiryDate(new Date("2026-06-30T22:30:00Z"))).toBe("2027-07-01");
    expect(dossierExpiryDate(new Date("2026-06-30T21:30:00Z"))).toBe("2027-06-30");
  });

  it("clamps a 29 February approval to 28 February", () => {
    const approvedAt = new Date("2028-02-29T12:00:00Z");
    expect(dossierExpiryDate(approvedAt)).toBe("2029-02-28");
    expect(isDossierValid(dossier(approvedAt), "2029-02-27")).toBe(true);
    expect(isDossierValid(dossier(approvedAt), "2029-02-28")).toBe(false);
  });

  it("is valid 11 months after approval and not 13 months after", () => {
    const approvedAt = new Date("2026-03-09T10:00:00Z");
    expect(isDossierValid(dossier(approvedAt), "2027-02-09")).toBe(true);
    expect(isDossierValid(dossier(approvedAt), "2027-04-09")).toBe(false);
  });

  it("is not valid when the dossier was never approved", () => {
    expect(isDossierValid(dossier(null), "2027-03-01")).toBe(false);
    expect(isDossierValid(dossier(null, new Date("2027-02-01T10:00:00Z")), "2027-03-01")).toBe(false);
  });

  it("stays valid after 12 months while a renewal sent before the expiry waits for staff", () => {
    const approvedAt = new Date("2026-03-09T10:00:00Z");
    const sentTheDayBefore = new Date("2027-03-08T16:00:00Z");
    expect(isDossierValid(dossier(approvedAt, sentTheDayBefore), "2027-03-09")).toBe(true);
    expect(isDossierValid(dossier(approvedAt, sentTheDayBefore), "2027-06-30")).toBe(true);
  });

  it("does not count a renewal sent on or after the expiry day (Paris): the organisation is withdrawn until approval", () => {
    const approvedAt = new Date("2026-03-09T10:00:00Z");
    expect(isDossierValid(dossier(approvedAt, new Date("2027-03-09T08:00:00Z")), "2027-03-09")).toBe(false);
    // 23:30 UTC on 8 March is already 9 March in Paris.
    expect(isDossierValid(dossier(approvedAt, new Date("2027-03-08T23:30:00Z")), "2027-03-09")).toBe(false);
    expect(isDossierValid(dossier(approvedAt, new Date("2027-03-08T22:30:00Z")), "2027-03-09")).toBe(true);
  });
});

describe("diffusionOf", () => {
  const today = "2027-03-09";
  const base: DiffusionInput = {
    approved: true,
    archivedAt: null,
    organisation: { dossierApprovedAt: new Date("2026-09-01T10:00:00Z"), dossierSubmittedAt: null, archivedAt: null },
    permanentEntry: false,
    sessions: [{ startDate: "2027-04-01" }],
  };

  it("diffuses an approved action of a valid organisation with a session to come", () => {
    expect(diffusionOf(base, today)).toEqual({ diffused: true, sessions: [{ startDate: "2027-04-01" }], reason: "diffused" });
  });

  it("keeps only the sessions still in diffusion, in the order given, with their other fields", () => {
    const sessions = [
      { id: "c", startDate: "2027-05-01" },
      { id: "a", startDate: "2027-03-01" },
      { id: "b", startDate: "2027-03-02" },
    ];
    const result = diffusionOf({ ...base, sessions }, today);
    expect(result.diffused).toBe(true);
    expect(result.sessions).toEqual([
      { id: "c", startDate: "2027-05-01" },
      { id: "b", startDate: "2027-03-02" },
    ]);
  });

  it("does not diffuse what staff have not approved", () => {
    expect(diffusionOf({ ...base, approved: false }, today)).toMatchObject({ diffused: false, reason: "not-approved", sessions: [] });
  });

  it("does not diffuse an archived action or an action of an archived organisation", () => {
    const archivedAt = new Date("2027-01-01T00:00:00Z");
    expect(diffusionOf({ ...base, archivedAt }, today)).toMatchObject({ diffused: false, reason: "archived" });
    expect(diffusionOf({ ...base, organisation: { ...base.organisation, archivedAt } }, today)).toMatchObject({
      diffused: false,
      reason: "archived",
    });
  });

  it("withdraws every action of an organisation whose dossier expired", () => {
    const organisation = { dossierApprovedAt: new Date("2026-03-09T10:00:00Z"), dossierSubmittedAt: null, archivedAt: null };
    expect(diffusionOf({ ...base, organisation }, "2027-03-08")).toMatchObject({ diffused: true });
    expect(diffusionOf({ ...base, organisation }, "2027-03-09")).toMatchObject({ diffused: false, reason: "dossier-expired", sessions: [] });
    expect(diffusionOf({ ...base, organisation: { dossierApprovedAt: null, dossierSubmittedAt: null, archivedAt: null } }, today)).toMatchObject({
      reason: "dossier-expired",
    });
  });

  it("stops showing an action whose last session passed J+8", () => {
    const action = { ...base, sessions: [{ startDate: "2027-03-01" }] };
    expect(diffusionOf(action, "2027-03-08")).toMatchObject({ diffused: true });
    expect(diffusionOf(action, "2027-03-09")).toEqual({ diffused: false, sessions: [], reason: "no-session" });
  });

  it("keeps showing an action with permanent entry, with or without sessions", () => {
    expect(diffusionOf({ ...base, permanentEntry: true, sessions: [] }, today)).toEqual({ diffused: true, sessions: [], reason: "diffused" });
    expect(diffusionOf({ ...base, permanentEntry: true, sessions: [{ startDate: "2027-01-01" }] }, today)).toEqual({
      diffused: true,
      sessions: [],
      reason: "diffused",
    });
  });
});
