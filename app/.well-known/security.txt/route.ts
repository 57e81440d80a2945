import { connection } from "next/server";
import { serverEnv } from "@/lib/env";
import { appUrl } from "@/lib/urls";

/**
 * RFC 9116: where to report a security problem — SECURITY_CONTACT, or else the login page, which
 * says whom at the centre to contact — valid one year from today.
 */
export async function GET() {
  await connection();
  const address = serverEnv().SECURITY_CONTACT;
  const contact = address ? `mailto:${address}` : appUrl("/connexion");
  const expires = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString();
  return new Response(`Contact: ${contact}\nExpires: ${expires}\nPreferred-Languages: fr, en\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
