// Calling server actions in integration tests as a form would, against the project's real
// database. Import this module before anything else in the test file (its mocks must be in
// place before the server actions and Next.js modules load): it replaces only the framework edges —
// the Auth.js session (`auth`), `connection` (request-time marker), the cache tags and the
// navigation helpers (`redirect` throws, as in Next.js, so that its target can be checked).
// The "use server" directive is only a string at the top of a module: outside the Next.js
// bundler the server action files import as plain modules.

import { randomUUID } from "node:crypto";
import { isTable, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { revalidateTag, updateTag } from "next/cache";
import { beforeEach, vi, type Mock } from "vitest";
import { auth } from "@/app/(auth)/auth";
import { getDb } from "@/db";
import * as schema from "@/db/schema";
import type { User } from "@/db/schema";
import type { ActionState } from "@/lib/auth/safe-action";

vi.mock("@/app/(auth)/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

// next-auth's own module needs the Next.js bundler; the actions only use its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: vi.fn(() => Promise.resolve()),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  // Outside Next.js there is no cache scope to tag: cached functions run as plain reads.
  cacheTag: vi.fn(),
  cacheLife: vi.fn(),
}));

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: vi.fn((url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  }),
  forbidden: vi.fn(() => {
    throw new Error("NEXT_FORBIDDEN");
  }),
  notFound: vi.fn(() => {
    throw new Error("NEXT_NOT_FOUND");
  }),
}));

export const authMock = auth as unknown as Mock<() => Promise<Session | null>>;
/** The cache refreshes the actions asked for (mocked: there is no Next.js cache in tests). */
export const updateTagMock = updateTag as unknown as Mock<(tag: string) => void>;
export const revalidateTagMock = revalidateTag as unknown as Mock<(tag: string, profile: string) => void>;

export const SESSION_EXPIRED = "Votre session a expiré. Reconnectez-vous puis recommencez.";
export const NO_RIGHTS = "Vous n’avez pas les droits nécessaires pour cette opération.";
export const FIELDS_TO_FIX = "Certains champs sont à corriger : voyez les messages sous chacun d’eux.";

beforeEach(() => {
  vi.clearAllMocks();
  authMock.mockResolvedValue(null);
});

/** The session rows signInAs is writing: awaited before anyone reads the session or the database. */
let pendingSession: Promise<unknown> = Promise.resolve();

/**
 * The session Auth.js would give this user (null: nobody signed in), backed by a real row of
 * user_sessions as a sign-in opens one (lib/auth/session.ts checks it on every call). `options`
 * shapes that row: opened and last used at given times, or already revoked.
 */
export function signInAs(user: User | null, options: { createdAt?: Date; lastSeenAt?: Date; revokedAt?: Date } = {}) {
  if (!user) {
    authMock.mockResolvedValue(null);
    return;
  }
  const sessionId = randomUUID();
  const createdAt = options.createdAt ?? new Date();
  const created = getDb().then((db) =>
    db.insert(schema.userSessions).values({ id: sessionId, userId: user.id, createdAt, lastSeenAt: options.lastSeenAt ?? createdAt, revokedAt: options.revokedAt ?? null }),
  );
  pendingSession = created.catch(() => undefined);
  authMock.mockImplementation(async () => {
    await created;
    return {
      user: { id: user.id, name: user.displayName, role: user.role, organisationId: user.organisationId },
      expires: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
      sessionId,
    };
  });
  return sessionId;
}

export type Outcome = { state: ActionState | void } | { redirectedTo: string };

/** What the action answered its form, or where it redirected. */
export async function outcome(call: Promise<ActionState | void>): Promise<Outcome> {
  try {
    return { state: await call };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("NEXT_REDIRECT:")) {
      return { redirectedTo: error.message.slice("NEXT_REDIRECT:".length) };
    }
    throw error;
  }
}

/** The code lists, loaded by migrations: no action writes them, and they are large. */
const REFERENCE_TABLES = new Set(["communes", "postcodes", "formacodes", "romeCodes", "nsfCodes"]);

/**
 * The sessions table is the harness's own bookkeeping: signInAs opens a row there for each
 * sign-in it plays, between a test's « before » and « after ».
 */
const SESSION_TABLES = new Set(["userSessions"]);

/** Every other table of the schema, found from it: a new table is covered without being listed. */
const tables = Object.fromEntries(
  Object.entries(schema).filter(([name, value]) => isTable(value) && !REFERENCE_TABLES.has(name) && !SESSION_TABLES.has(name)),
);

/**
 * A fingerprint of every table: any insert, update or delete changes it. The test files of a
 * project run one after the other on its database, so nothing else writes meanwhile.
 */
export async function databaseFingerprint() {
  await pendingSession;
  const db = await getDb();
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db
        .select({ rows: sql<number>`count(*)::int`, hash: sql<string | null>`md5(string_agg(t::text, '|' order by t::text))` })
        .from(sql`${table} as t`);
      return [name, row] as const;
    }),
  );
  return Object.fromEntries(entries);
}
