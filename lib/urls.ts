// Absolute links for what leaves the site (mails): the address the centre publishes the site at.
// APP_URL in production (https://offre.example.org); the local address otherwise.

import { serverEnv, type EnvSource } from "@/lib/env";

export function appUrl(path: string, source: EnvSource = process.env): string {
  const env = serverEnv(source);
  const base = (env.APP_URL || env.AUTH_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
