// GET /api/export/removed.json?since=YYYY-MM-DD — what left diffusion since that day (LHÉO has
// no deletion element): sessions withdrawn at J+8 (R9), actions of a lapsed dossier (R8),
// archived or without session. Same Bearer token as the LHÉO feed; each call is recorded.
import { connection, NextResponse, type NextRequest } from "next/server";
import { authorizeTransmission, sinceOf } from "@/app/api/export/export-route";
import { listRemovedSince } from "@/db/queries/export";
import { finishTransmission, startTransmission } from "@/db/queries/transmissions";
import { currentDay } from "@/lib/clock";

export async function GET(request: NextRequest) {
  await connection();
  const auth = authorizeTransmission(request);
  if ("response" in auth) return auth.response;
  const query = sinceOf(request, { required: true });
  if ("response" in query) return query.response;

  const today = currentDay();
  const since = query.since!;
  const id = await startTransmission({ feed: "removed", tokenName: auth.tokenName, asOf: today, since });
  try {
    const removed = await listRemovedSince({ since, today });
    await finishTransmission(id, { status: "complete", removed: removed.length });
    return NextResponse.json({ since, asOf: today, removed }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    await finishTransmission(id, { status: "failed" });
    throw error;
  }
}
