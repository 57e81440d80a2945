// How long a session lasts (issue 10). Shared by the Auth.js configuration (edge-safe, the
// cookie's own life) and db/queries/sessions.ts (the server-side check, which decides).

/** A session ends after 8 hours without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and 7 days after it began, however active: the cookie itself lives no longer. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
