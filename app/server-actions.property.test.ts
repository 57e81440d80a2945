// Issue 10, bad input: every server action (the LHÉO import included) called by the caller it is
// meant for with random and hostile values — a field of its valid input replaced by a huge string,
// control characters, half an emoji, a wrong type, a nested object, a prototype-pollution key, a
// date out of range — or with anything at all in place of its input. Each answer is a clean
// success or a French message; never an exception, never a partial write. Seeded, and small
// enough for CI (RUNS per action).

import { databaseFingerprint, outcome, signInAs, type Outcome } from "@/app/test-utils/server-action-harness";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { MATRIX_CALLS, scene, userOf, type Caller, type MatrixCall, type Scene } from "@/app/test-utils/matrix-scene";
import { SERVER_ACTIONS, type ServerActionName } from "@/lib/auth/permissions";
import type { ActionState } from "@/lib/auth/safe-action";

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": "203.0.113.9" })),
}));

// CI runs a few cases per action on each database; PROPERTY_RUNS=200 explores further.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 5);
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_127);

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const deep = (depth: number) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), "fond");

/** One hostile value: what a hand-made request can put in any field. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "Agent\u0000de propreté",
    "\ud800",
    "\udfff fin",
    "\u001b[2J",
    "x".repeat(200_000),
    "1e2",
    "0x10",
    "-1",
    "true",
    "0000-01-01",
    "9999-12-31",
    "2027-02-30",
    "27/02/2027",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "__proto__",
  ),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 53, 2 ** 31, 1e308, -1),
  fc.boolean(),
  fc.constantFrom(null, undefined, [], {}, [[[]]], deep(200)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.date({ noInvalidDate: false }),
  fc.object({ maxDepth: 3 }),
);

/** The paths of an input's fields, objects and arrays included (the whole input is path []). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

/** A valid input with one field replaced, a key added, or nothing of it left. */
function mutation(valid: unknown) {
  const all = paths(valid);
  return fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), hostile).map(([i, by]) => replaced(valid, all[i]!, by)),
    // As JSON.parse reads a request body: « __proto__ » becomes an own key, not the prototype.
    fc.constantFrom("__proto__", "constructor", "prototype", "toString").map((key) => {
      const fields = JSON.stringify(valid ?? {}).slice(1, -1);
      return JSON.parse(`{"${key}": {"polluted": true}${fields ? `, ${fields}` : ""}}`) as unknown;
    }),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true }),
  );
}

/** The caller an action is meant for. */
function homeCaller(name: ServerActionName): Caller {
  const { roles } = SERVER_ACTIONS[name];
  if (roles === "anyone") return "anonymous";
  return roles.includes("provider") ? "provider" : roles.includes("staff") ? "staff" : "admin";
}

/** A clean answer: a redirect or `ok`, or a French message (and field messages) without internals. */
function expectClean(result: Outcome, context: string) {
  if ("redirectedTo" in result) return expect(result.redirectedTo, context).toMatch(/^\//);
  const state = (result.state ?? {}) as ActionState & { sent?: boolean };
  if (state.ok || state.sent) return;
  const messages = [state.message, ...Object.values(state.errors ?? {})].filter((m) => m !== undefined);
  expect(messages.length, context).toBeGreaterThan(0);
  for (const message of messages) {
    expect(typeof message, context).toBe("string");
    expect(message, context).toMatch(/[a-zà-ÿ]{3}/);
    expect(message, context).not.toMatch(/undefined|NaN|\[object|Error|query|select |insert |invalid_type|Invalid input/);
  }
}

describe.each(Object.keys(SERVER_ACTIONS) as ServerActionName[])("%s", (name) => {
  const call: MatrixCall = MATRIX_CALLS[name];

  it("hostile input: a clean success or a French message, never an exception or a partial write", async () => {
    const caller = homeCaller(name);
    let s: Scene | null = null;
    // A scene ready for the action (the caller's own data prepared); a new one after a success.
    const ready = async (): Promise<Scene> => {
      if (!s) {
        s = await scene();
        await call.prepare?.(s, userOf(s, caller));
      }
      return s;
    };
    const first = await ready();
    const valid = await call.input(first, userOf(first, caller));

    await fc.assert(
      fc.asyncProperty(mutation(valid), async (input) => {
        signInAs(userOf(await ready(), caller));
        const before = await databaseFingerprint();
        const context = `${name}(${JSON.stringify(input)?.slice(0, 200)})`;
        const result = await outcome(call.send(input as never) as Promise<ActionState | void>);
        expectClean(result, context);
        const state = ("state" in result ? result.state : undefined) as (ActionState & { sent?: boolean }) | undefined;
        const succeeded = "redirectedTo" in result || state?.ok === true || state?.sent === true;
        if (!succeeded) expect(await databaseFingerprint(), `${context} wrote something and failed`).toEqual(before);
        else s = null;
        expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 300_000);
});
