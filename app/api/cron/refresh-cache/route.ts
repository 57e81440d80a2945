// POST /api/cron/refresh-cache — called by `npm run job` after it ran a job against PostgreSQL
// outside the server, so that the pages the job changed are refreshed at once. Same secret as
// the cron routes; only the public pages' tags are accepted.
import { revalidateTag } from "next/cache";
import { connection, NextResponse, type NextRequest } from "next/server";
import { isAuthorizedBearer, isCacheTag, REFRESH_TAGS_MAX } from "@/lib/cron";
import { serverEnv } from "@/lib/env";

export async function POST(request: NextRequest) {
  await connection();
  if (!isAuthorizedBearer(request.headers.get("authorization"), serverEnv().CRON_SECRET)) {
    return NextResponse.json({ error: "Non autorisé." }, { status: 401 });
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null;
  const tags = Array.isArray(body?.tags) ? body.tags : null;
  if (!tags || tags.length > REFRESH_TAGS_MAX || !tags.every(isCacheTag)) {
    return NextResponse.json({ error: "Étiquettes de cache invalides." }, { status: 400 });
  }
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  return NextResponse.json({ refreshed: new Set(tags).size });
}
