// Issue 10, the authorization matrix: every server action found in the source is declared in
// lib/auth/permissions.ts (a new one that is not makes this file fail), and is called as anonymous,
// a disabled user, a provider of another organisation, the provider of the right organisation,
// staff and an administrator. What the declaration allows passes authorization (and succeeds for
// the callers it is meant for); what it refuses answers in French and writes nothing.

import { databaseFingerprint, NO_RIGHTS, outcome, SESSION_EXPIRED, signInAs, type Outcome } from "@/app/test-utils/server-action-harness";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { callAs, CALLERS, MATRIX_CALLS, scene, userOf, type Caller, type Scene } from "@/app/test-utils/matrix-scene";
import { exportedFunctionNames, inlineServerActions, serverActionFiles } from "@/app/test-utils/source-scan";
import { getDb } from "@/db";
import { SERVER_ACTIONS, type Permission, type ServerActionName } from "@/lib/auth/permissions";
import type { ActionState } from "@/lib/auth/safe-action";

// The login and reset forms read the client's address; there is no request here.
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": "203.0.113.7" })),
}));

type Expected = "allowed" | "session-expired" | "no-rights" | "not-found";

/** What the declaration says this caller gets. */
function expected(permission: Permission, caller: Caller): Expected {
  if (permission.roles === "anyone") return "allowed";
  if (caller === "anonymous" || caller === "disabled") return "session-expired";
  const role = caller === "other-provider" ? "provider" : caller;
  if (!(permission.roles as readonly string[]).includes(role)) return "no-rights";
  if (caller === "other-provider" && permission.ownership === "organisation") return "not-found";
  return "allowed";
}

/** The callers an action is meant for: for them, the call must succeed, not merely pass. */
function isHomeCaller(permission: Permission, caller: Caller): boolean {
  if (permission.roles === "anyone") return false;
  if (caller === "other-provider") return permission.ownership !== "organisation";
  return caller !== "anonymous" && caller !== "disabled" && (permission.roles as readonly string[]).includes(caller);
}

const succeeded = (result: Outcome) => "redirectedTo" in result || (result.state as ActionState | undefined)?.ok === true;

/** The right organisation's rows: an action on one's own organisation must leave another's alone. */
async function organisationFingerprint(organisationId: string) {
  const db = await getDb();
  const result = await db.execute(sql`
    select md5(coalesce(string_agg(x, '|' order by x), '')) as hash from (
      select o::text as x from organisations o where o.id = ${organisationId}
      union all select d::text from organisation_dossiers d where d.organisation_id = ${organisationId}
      union all select a::text from actions a where a.organisation_id = ${organisationId}
      union all select r::text from action_revisions r join actions a on a.id = r.action_id where a.organisation_id = ${organisationId}
    ) rows`);
  return (result as unknown as { rows: { hash: string }[] }).rows[0]!.hash;
}

describe("every server action is declared", () => {
  const found = serverActionFiles().flatMap((file) => exportedFunctionNames(file).map((name) => ({ file, name })));

  it("finds the server actions in the source", () => {
    expect(found.length).toBeGreaterThan(20);
  });

  it("each export of a 'use server' file has a declaration, under a name no other file uses", () => {
    const undeclared = found.filter(({ name }) => !(name in SERVER_ACTIONS)).map(({ file, name }) => `${file}: ${name}`);
    expect(undeclared, "declare these in lib/auth/permissions.ts (and their call in app/test-utils/matrix-scene.ts)").toEqual([]);
    const names = found.map(({ name }) => name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("no function declares itself a server action inline, where this scan would not see it", () => {
    expect(inlineServerActions(), "move these into a 'use server' file, declared in lib/auth/permissions.ts").toEqual([]);
  });

  it("each declaration names an action that exists", () => {
    const names = new Set(found.map(({ name }) => name));
    expect(Object.keys(SERVER_ACTIONS).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe.each(Object.keys(SERVER_ACTIONS) as ServerActionName[])("%s", (name) => {
  const permission: Permission = SERVER_ACTIONS[name];
  const matrixCall = MATRIX_CALLS[name];

  it(`${permission.roles === "anyone" ? "anyone" : permission.roles.join(", ")} (${permission.ownership})`, async () => {
    let s: Scene | null = null;
    // Refused callers first: they write nothing, so the scene serves the next one as it is.
    const ordered = [...CALLERS].sort((a, b) => Number(expected(permission, a) === "allowed") - Number(expected(permission, b) === "allowed"));
    for (const caller of ordered) {
      s ??= await scene();
      const user = userOf(s, caller);
      await matrixCall.prepare?.(s, user);
      signInAs(user);
      const before = await databaseFingerprint();
      const ownOrganisation = await organisationFingerprint(s.organisation.id);
      const result = await outcome(callAs(matrixCall, s, user) as Promise<ActionState | void>);
      const want = expected(permission, caller);
      const context = `${name} as ${caller}: ${JSON.stringify(result).slice(0, 300)}`;

      if (want === "allowed") {
        const message = "state" in result ? (result.state as ActionState | undefined)?.message : undefined;
        expect([SESSION_EXPIRED, NO_RIGHTS], context).not.toContain(message);
        if (isHomeCaller(permission, caller)) expect(succeeded(result), context).toBe(true);
        if (caller === "other-provider") expect(await organisationFingerprint(s.organisation.id), context).toBe(ownOrganisation);
        // A call that wrote something leaves a scene the next caller should not start from.
        if (JSON.stringify(await databaseFingerprint()) !== JSON.stringify(before)) s = null;
      } else {
        const message = { "session-expired": SESSION_EXPIRED, "no-rights": NO_RIGHTS, "not-found": expect.stringMatching(/introuvable/) }[want];
        expect(result, context).toEqual({ state: { message } });
        expect(await databaseFingerprint(), context).toEqual(before);
      }
    }
  }, 120_000);
});
