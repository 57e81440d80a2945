// GET /api/export/lheo.xml[?since=YYYY-MM-DD] — the transmission to the national base: the
// diffused offer as one LHÉO 2.3 document (docs/lheo-mapping.md), streamed as it is read.
// `Authorization: Bearer <token>` (EXPORT_TOKENS / EXPORT_TOKEN); each call is recorded.
import { connection, type NextRequest } from "next/server";
import { authorizeTransmission, sinceOf, streamedResponse } from "@/app/api/export/export-route";
import { openLheoDocument } from "@/db/queries/export";
import { finishTransmission, startTransmission } from "@/db/queries/transmissions";
import { currentDay } from "@/lib/clock";

// The longest run every Vercel plan allows (seconds): a region's offer is read well within it. A
// transmission cut by it stays « running »: on Vercel, staff see it as stopped after this time
// (TRANSMISSION_TIME_LIMIT_S, db/queries/transmissions.ts).
export const maxDuration = 300;

export async function GET(request: NextRequest) {
  await connection();
  const auth = authorizeTransmission(request);
  if ("response" in auth) return auth.response;
  const query = sinceOf(request, { required: false });
  if ("response" in query) return query.response;

  const today = currentDay();
  const id = await startTransmission({ feed: "lheo", tokenName: auth.tokenName, asOf: today, since: query.since });
  let document: Awaited<ReturnType<typeof openLheoDocument>>;
  try {
    document = await openLheoDocument({ today, since: query.since });
  } catch (error) {
    await finishTransmission(id, { status: "failed" });
    throw error;
  }
  // LHÉO requires at least one formation: nothing to transmit is said with 204, not an invalid document.
  if (!document) {
    await finishTransmission(id, { status: "complete" });
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  }
  return streamedResponse(document.chunks, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-store" },
    done: (status) => finishTransmission(id, { status, ...document.counts }),
  });
}
