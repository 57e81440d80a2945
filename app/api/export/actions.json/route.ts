// GET /api/export/actions.json — open data: the diffused offer, one object per action with its
// sessions (fields described at /donnees-ouvertes, lib/open-data.ts). Public, cacheable, streamed.
import { connection } from "next/server";
import { OPEN_DATA_CACHE, streamedResponse } from "@/app/api/export/export-route";
import { diffusedFormationPages } from "@/db/queries/export";
import { currentDay } from "@/lib/clock";
import { LICENCE, openDataAction } from "@/lib/open-data";
import { appUrl } from "@/lib/urls";

export async function GET() {
  await connection();
  const today = currentDay();
  const base = appUrl("/formations/");
  async function* body(): AsyncGenerator<string> {
    yield `{"date":${JSON.stringify(today)},"licence":${JSON.stringify(LICENCE)},"documentation":${JSON.stringify(appUrl("/donnees-ouvertes"))},"actions":[`;
    let first = true;
    for await (const page of diffusedFormationPages({ today })) {
      let chunk = "";
      for (const formation of page) {
        chunk += (first ? "\n" : ",\n") + JSON.stringify(openDataAction(formation, base + formation.slug));
        first = false;
      }
      yield chunk;
    }
    yield "\n]}\n";
  }
  return streamedResponse(body(), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": OPEN_DATA_CACHE, "Access-Control-Allow-Origin": "*" },
    done: async () => {},
  });
}
