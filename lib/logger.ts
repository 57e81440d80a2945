// Structured server logs (issue 10): one JSON line per event — time, level, event name, the
// request id proxy.ts gives each request (X-Request-Id), and fields. A field whose name speaks of
// a password, a token, a secret, a cookie or submitted content is never written; an error is
// written as its name, code and a message whose quoted parts (where PostgreSQL repeats the
// submitted text) are blanked out.

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const SECRET_FIELD = /pass(word)?|token|secret|authorization|cookie|credential|content|values|body|input/i;
const MESSAGE_MAX = 200;

/** An error as a log can hold it: no stack, no submitted text, no SQL (the cause says what failed). */
export function describeError(error: unknown, depth = 0): LogFields {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const digest = (error as { digest?: unknown }).digest;
  const firstLine = error.message.split("\n")[0]!;
  // Drizzle's query errors start with the SQL, the next line with its parameters (the submitted
  // text): neither is written, only that a query failed and the driver's error under it.
  const message = firstLine.startsWith("Failed query:")
    ? "Failed query"
    : firstLine.replace(/(["'«`]).*?(["'»`])/g, "$1…$2").slice(0, MESSAGE_MAX);
  const cause = depth < 2 && error.cause !== undefined ? { cause: describeError(error.cause, depth + 1) } : {};
  return { name: error.name, ...(typeof code === "string" ? { code } : {}), ...(typeof digest === "string" ? { digest } : {}), message, ...cause };
}

function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return describeError(value);
  if (value === null || typeof value !== "object") return typeof value === "string" ? value.slice(0, MESSAGE_MAX) : value;
  if (depth > 3) return "[…]";
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as LogFields).map(([key, item]) => [key, SECRET_FIELD.test(key) ? "[retiré]" : clean(item, depth + 1)]),
  );
}

/** The line written for an event (exported for the tests). */
export function logLine(level: LogLevel, event: string, fields: LogFields = {}, at = new Date()): string {
  return JSON.stringify({ time: at.toISOString(), level, event, ...(clean(fields) as LogFields) });
}

export function log(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line = logLine(level, event, fields);
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The id proxy.ts gave the request, from its headers (absent outside a request). */
export function requestIdOf(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>): string | undefined {
  const value = typeof headers.get === "function" ? (headers as { get(name: string): string | null }).get("x-request-id") : (headers as Record<string, unknown>)["x-request-id"];
  return typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? value : undefined;
}

/**
 * Next prints the errors it catches itself (« ⨯ Error: … » with the stack, and for a failed
 * query the SQL and its parameters, the submitted text among them): from register()
 * (instrumentation.ts) on, a console.error call holding an Error writes one structured line
 * instead (« server.error », its digest linking it to « request.failed », which has the request
 * id). Calls with text only are left as they are.
 */
export function structureConsoleErrors(target: Pick<Console, "error"> = console): void {
  const original = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    const error = args.find((arg) => arg instanceof Error);
    if (error === undefined) return original(...args);
    original(logLine("error", "server.error", { error: describeError(error) }));
  };
}
