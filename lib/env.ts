import { z } from "zod";

// The server's environment, described once. The server checks it when it starts
// (instrumentation.ts → checkEnvironment) and refuses to run with a malformed value, naming the
// variable but never printing its value (several are secrets); code reads it through serverEnv().
// Every variable is documented in .env.example.

/** An unset variable and an empty one (`FOO=` in a .env file) mean the same: not set. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  // Database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in PGLITE_DIR.
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "attendu : une adresse postgres://…")),
  DB_DRIVER: optional(z.enum(["pg", "neon"])),
  PGLITE_DIR: optional(z.string()),
  NEON_WS_PROXY: optional(z.string()),
  // Auth.js reads AUTH_SECRET, AUTH_URL and AUTH_TRUST_HOST itself; they are checked here too.
  AUTH_SECRET: optional(z.string().min(32, "au moins 32 caractères (openssl rand -base64 32)")),
  AUTH_URL: optional(z.url()),
  // X-Forwarded-Host/-Proto/-For are set by a reverse proxy of ours (lib/request-origin.ts).
  TRUST_PROXY: optional(z.enum(["true", "false", "1", "0"], { error: "attendu : true ou false" })),
  // Where security problems are reported (README « Sécurité », /.well-known/security.txt).
  SECURITY_CONTACT: optional(z.email("attendu : une adresse électronique")),
  // Scheduled jobs and mail.
  CRON_SECRET: optional(z.string().min(16, "au moins 16 caractères (openssl rand -base64 32)")),
  SCHEDULER: optional(z.literal("in-process")),
  SCHEDULER_URL: optional(z.url()),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, "attendu : une adresse smtp://… ou smtps://…")),
  MAIL_FROM: optional(z.string()),
  APP_URL: optional(z.url()),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  REGION_DEPARTMENTS: optional(z.string().regex(/^(\d[\dAB]\d?)(,\d[\dAB]\d?)*$/, "attendu : des numéros de département séparés par des virgules")),
  // Transmission feeds (/api/export/lheo.xml, removed.json): named Bearer tokens, one per
  // receiver, « name:token » separated by commas; EXPORT_TOKEN alone is named « default ».
  EXPORT_TOKENS: optional(z.string().regex(/^[a-z0-9_.-]{1,64}:[^\s,:]{24,}(,[a-z0-9_.-]{1,64}:[^\s,:]{24,})*$/i, "attendu : nom:jeton,nom2:jeton2 (jetons d’au moins 24 caractères)")),
  EXPORT_TOKEN: optional(z.string().regex(/^[^\s,:]{24,}$/, "au moins 24 caractères, sans espace (openssl rand -base64 32)")),
  // Tests only (lib/clock.ts).
  TEST_CLOCK_FILE: optional(z.string()),
});

export type ServerEnv = z.infer<typeof envSchema>;
/** process.env, or a plain object in tests. */
export type EnvSource = Record<string, string | undefined>;

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join("\n")}\nVoir .env.example.`);
    this.name = "EnvironmentError";
  }
}

/** The environment, checked; throws an EnvironmentError naming each malformed variable. */
export function serverEnv(source: EnvSource = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvironmentError(parsed.error.issues.map((issue) => `${issue.path.join(".")} : ${issue.message}`));
}

/**
 * At start-up: the environment must be well-formed, and a production server needs AUTH_SECRET.
 * Returns warnings for what is missing but not fatal (jobs without CRON_SECRET).
 */
export function checkEnvironment(source: EnvSource = process.env): string[] {
  const env = serverEnv(source);
  const problems: string[] = [];
  // A production server needs it; the build (which may load instrumentation too) does not.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (source.NODE_ENV === "production" && !building && !env.AUTH_SECRET) problems.push("AUTH_SECRET : obligatoire en production");
  if (env.SCHEDULER === "in-process" && !env.CRON_SECRET) problems.push("CRON_SECRET : obligatoire avec SCHEDULER=in-process");
  if (problems.length > 0) throw new EnvironmentError(problems);
  const warnings: string[] = [];
  if (!env.CRON_SECRET) warnings.push("CRON_SECRET n’est pas défini : les routes /api/cron/* refusent tout appel, les tâches planifiées ne tournent pas.");
  return warnings;
}
