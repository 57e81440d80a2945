// Login throttling (issue 10, finding 3): the rule, with no database in it. Failed logins are
// counted per identifier (as typed, whether an account has it or not, so that the answer never
// tells) and per client address, in a 15-minute window. From the third failure on, the next
// attempt must wait, longer each time; at the tenth the key is locked for 15 minutes.
// db/queries/throttle.ts keeps the counters; app/(auth)/auth.ts applies the rule.

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LOCK_AFTER = 10;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;
/** Failures allowed before the first delay. */
const FREE_FAILURES = 2;
const MAX_DELAY_MS = 60 * 1000;

/** How long the next attempt must wait after `failures` failures in the window. */
export function loginDelayMs(failures: number): number {
  if (failures >= LOGIN_LOCK_AFTER) return LOGIN_LOCK_MS;
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

/** The throttling keys of one attempt: the identifier as typed (lower case) and the client address. */
export function loginThrottleKeys(identifier: string, clientAddress: string) {
  return { identifier: `login:id:${identifier.trim().toLowerCase()}`, address: `login:ip:${clientAddress}` };
}

/**
 * What the person reads when an attempt is refused for now. The same words whether the
 * identifier exists or not, and whichever key (identifier or address) is held back.
 */
export function loginThrottledMessage(waitMs: number): string {
  if (waitMs > 60 * 1000) {
    const minutes = Math.ceil(waitMs / 60_000);
    return `Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est bloquée pendant ${minutes}\u00a0minutes\u00a0: réessayez ensuite, ou demandez un nouveau mot de passe.`;
  }
  return `Trop de tentatives de connexion ont échoué. Patientez ${secondsText(waitMs)} avant de réessayer.`;
}

/** On « Choisissez votre mot de passe », after wrong current passwords (same rule, per account). */
export function currentPasswordThrottledMessage(waitMs: number): string {
  const wait = waitMs > 60 * 1000 ? `${Math.ceil(waitMs / 60_000)}\u00a0minutes` : secondsText(waitMs);
  return `Trop d’essais du mot de passe actuel ont échoué. Patientez ${wait} avant de réessayer.`;
}

function secondsText(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `${seconds}\u00a0seconde${seconds > 1 ? "s" : ""}`;
}
