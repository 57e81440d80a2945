// GET /api/export/actions.csv — open data: the diffused offer, one row per session, UTF-8 with a
// byte order mark and `;` separators as French spreadsheets expect (fields described at
// /donnees-ouvertes, lib/open-data.ts). Public, cacheable, streamed.
import { connection } from "next/server";
import { OPEN_DATA_CACHE, streamedResponse } from "@/app/api/export/export-route";
import { diffusedFormationPages } from "@/db/queries/export";
import { currentDay } from "@/lib/clock";
import { CSV_BOM } from "@/lib/csv";
import { csvHeader, csvRows } from "@/lib/open-data";
import { appUrl } from "@/lib/urls";

export async function GET() {
  await connection();
  const today = currentDay();
  const base = appUrl("/formations/");
  async function* body(): AsyncGenerator<string> {
    yield CSV_BOM + csvHeader();
    for await (const page of diffusedFormationPages({ today })) {
      yield page.map((formation) => csvRows(formation, base + formation.slug)).join("");
    }
  }
  return streamedResponse(body(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="offre-de-formation-${today}.csv"`,
      "Cache-Control": OPEN_DATA_CACHE,
      "Access-Control-Allow-Origin": "*",
    },
    done: async () => {},
  });
}
