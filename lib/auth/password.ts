import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id, m=19456 (19 MiB), t=2, p=1: the first of OWASP's recommended settings (Password
 * Storage Cheat Sheet), about 30 ms per hash here. Written out rather than left to the library's
 * defaults, so that a change of defaults cannot weaken new hashes unnoticed; each hash stores its
 * own parameters, so older hashes still verify.
 */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot read)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a hash, or against a dummy hash when the user is unknown, so that
 * a wrong identifier costs the same time as a wrong password.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("unknown-user-dummy-password");
  const target = passwordHash ?? (await dummyHash);
  try {
    const ok = await verify(target, password);
    return ok && Boolean(passwordHash);
  } catch {
    return false;
  }
}
