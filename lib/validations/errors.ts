import type { z } from "zod";

/** Zod issues as { "sessions.0.endDate": "message" }: the first message for each field path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The outcome of checking what a form sent: the parsed content, or French errors by field path. */
export type Validated<T> = { success: true; data: T } | { success: false; errors: Record<string, string>; message: string };
