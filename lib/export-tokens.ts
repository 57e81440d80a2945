import { isAuthorizedBearer } from "@/lib/cron";
import type { ServerEnv } from "@/lib/env";

// The receivers of the transmission feeds, each with its own Bearer token, so that a token can be
// revoked alone and each transmission says who took it (export_transmissions.token_name).

export interface ExportToken {
  name: string;
  token: string;
}

/** EXPORT_TOKENS (« name:token,… ») and EXPORT_TOKEN (named « default »), as checked by lib/env.ts. */
export function exportTokens(env: Pick<ServerEnv, "EXPORT_TOKENS" | "EXPORT_TOKEN">): ExportToken[] {
  const named = (env.EXPORT_TOKENS ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(":");
      return { name: pair.slice(0, at), token: pair.slice(at + 1) };
    });
  return env.EXPORT_TOKEN ? [...named, { name: "default", token: env.EXPORT_TOKEN }] : named;
}

/**
 * The name of the token the `Authorization` header carries, or null. Every token is compared, in
 * constant time, whichever matches: the answer's timing tells nothing about the tokens.
 */
export function exportTokenName(header: string | null, tokens: ExportToken[]): string | null {
  let found: string | null = null;
  for (const { name, token } of tokens) {
    if (isAuthorizedBearer(header, token) && found === null) found = name;
  }
  return found;
}
