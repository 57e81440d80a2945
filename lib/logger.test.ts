import { describe, expect, it } from "vitest";
import { describeError, logLine, requestIdOf, structureConsoleErrors } from "@/lib/logger";

describe("server logs", () => {
  it("write one JSON line per event, with its request id", () => {
    const line = logLine("warn", "auth.login-refused", { requestId: "0b8e5c1e-1111-4222-8333-444455556666", path: "/connexion" }, new Date("2027-03-01T08:00:00Z"));
    expect(line.split("\n")).toHaveLength(1);
    expect(JSON.parse(line)).toEqual({ time: "2027-03-01T08:00:00.000Z", level: "warn", event: "auth.login-refused", requestId: "0b8e5c1e-1111-4222-8333-444455556666", path: "/connexion" });
  });

  it("never write passwords, tokens, secrets or submitted content, however deep", () => {
    const line = logLine("info", "x", { password: "trois chevaux", nested: { resetToken: "abc", authorization: "Bearer s", values: { title: "Titre" } }, body: "[…]" });
    for (const secret of ["trois chevaux", "abc", "Bearer s", "Titre"]) expect(line).not.toContain(secret);
  });

  it("write an error without its stack nor the text PostgreSQL repeats from the request", () => {
    const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 in « mon titre secret »\n    at query (db.ts:1)'), { code: "22021" });
    const described = describeError(error);
    expect(described).toMatchObject({ name: "Error", code: "22021" });
    expect(JSON.stringify(described)).not.toMatch(/mon titre secret|at query|UTF8/);
  });

  it("take the request id from the request's headers, only when well formed", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "0b8e5c1e-1111-4222-8333-444455556666" }))).toBe("0b8e5c1e-1111-4222-8333-444455556666");
    expect(requestIdOf({ "x-request-id": "<script>" })).toBeUndefined();
  });

  it("write a failed query as failed, with its driver's error, never its SQL nor its parameters", () => {
    const cause = Object.assign(new Error('database "offre" does not exist'), { code: "3D000" });
    const error = new Error('Failed query: select "title" from "actions" where "title" = $1\nparams: mon titre secret', { cause });
    const described = describeError(error);
    expect(described).toEqual({ name: "Error", message: "Failed query", cause: { name: "Error", code: "3D000", message: 'database "…" does not exist' } });
  });

  it("turn an error Next prints on the console into one structured line", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    structureConsoleErrors(target);
    const failure = Object.assign(new Error('Failed query: select 1 where "x" = $1\nparams: mon titre secret'), { digest: "4172279084" });
    target.error("⨯", failure);
    target.error("plain text");
    expect(printed).toHaveLength(2);
    expect(printed[0]).toHaveLength(1);
    expect(JSON.parse(printed[0]![0] as string)).toMatchObject({ level: "error", event: "server.error", error: { digest: "4172279084", message: "Failed query" } });
    expect(String(printed[0]![0])).not.toMatch(/secret|select/);
    expect(printed[1]).toEqual(["plain text"]);
  });
});
