import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { exportTokenName, exportTokens } from "@/lib/export-tokens";
import { isIsoDate } from "@/lib/dates";
import { log } from "@/lib/logger";

// What the export routes share: the Bearer token of the transmission feeds, the `since` date,
// and streaming a document written page by page.

const NO_STORE = { "Cache-Control": "no-store" };

/** The name of the receiver's token, or the 401 to answer. */
export function authorizeTransmission(request: NextRequest): { tokenName: string } | { response: Response } {
  const tokenName = exportTokenName(request.headers.get("authorization"), exportTokens(serverEnv()));
  if (tokenName) return { tokenName };
  return {
    response: NextResponse.json({ error: "Non autorisé." }, { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="transmission"' } }),
  };
}

/** `?since=YYYY-MM-DD`: the day, null when absent, or the 400 to answer. */
export function sinceOf(request: NextRequest, { required }: { required: boolean }): { since: string | null } | { response: Response } {
  const since = request.nextUrl.searchParams.get("since");
  if (since === null && !required) return { since: null };
  if (since !== null && isIsoDate(since)) return { since };
  return {
    response: NextResponse.json(
      { error: since === null ? "Indiquez la date de la dernière transmission : ?since=AAAA-MM-JJ." : "Le paramètre since doit être une date au format AAAA-MM-JJ." },
      { status: 400, headers: NO_STORE },
    ),
  };
}

/**
 * A response streamed from `chunks`, pulled one at a time as the client reads (so a slow reader
 * holds back the database reads). `done` is told how it ended.
 *
 * This is what keeps a transmission's memory flat, not a heap limit: `pull` is only called when
 * the stream's queue (one chunk) has been taken by the HTTP response, so at most one chunk waits
 * here, and the pages behind it are read only when it has gone.
 */
export function streamedResponse(
  chunks: AsyncGenerator<string>,
  { headers, done }: { headers: Record<string, string>; done: (outcome: "complete" | "interrupted" | "failed") => Promise<void> },
): Response {
  const encoder = new TextEncoder();
  let ended = false;
  const end = async (outcome: "complete" | "interrupted" | "failed") => {
    if (ended) return;
    ended = true;
    await done(outcome);
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await end("complete");
          controller.close();
        } else {
          controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        log("error", "export.stream-failed", { error });
        await end("failed").catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
      await end("interrupted");
    },
  });
  return new Response(stream, { status: 200, headers });
}

/** Open data: anyone may read it, and caches may keep it an hour (the public pages' own limit). */
export const OPEN_DATA_CACHE = "public, max-age=3600, s-maxage=3600, stale-while-revalidate=600";
