import { connection } from "next/server";
import { serverEnv } from "@/lib/env";

/** RFC 9116: where to report a security problem (SECURITY_CONTACT), valid one year from today. */
export async function GET() {
  await connection();
  const contact = serverEnv().SECURITY_CONTACT;
  if (!contact) return new Response("Aucun contact de sécurité n’est configuré (SECURITY_CONTACT).\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const expires = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString();
  return new Response(`Contact: mailto:${contact}\nExpires: ${expires}\nPreferred-Languages: fr, en\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
