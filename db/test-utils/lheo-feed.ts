// Tests only: the LHÉO feed written whole for a day, and the actions and sessions it holds, read
// back from its identifiers (lib/lheo/writer.ts `numeros`).

import { openLheoDocument, type ReadingOptions } from "@/db/queries/export";

export async function writeFeed(options: ReadingOptions): Promise<string | null> {
  const document = await openLheoDocument(options);
  if (!document) return null;
  let xml = "";
  for await (const chunk of document.chunks) xml += chunk;
  return xml;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The action ids of the formations, and the « action/session » pairs of the dated sessions. */
export function feedContents(xml: string | null): { actions: Set<string>; sessions: Set<string> } {
  const actions = new Set<string>();
  const sessions = new Set<string>();
  for (const [, id] of (xml ?? "").matchAll(new RegExp(`<formation numero="F-(${UUID})"`, "g"))) actions.add(id!);
  for (const [, action, session] of (xml ?? "").matchAll(new RegExp(`<session numero="S-(${UUID})-(${UUID})"`, "g"))) sessions.add(`${action}/${session}`);
  return { actions, sessions };
}
