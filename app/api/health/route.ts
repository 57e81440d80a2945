import { sql } from "drizzle-orm";
import { connection, NextResponse } from "next/server";
import { getDbHandle } from "@/db";
import { log } from "@/lib/logger";

/** Readiness: answers only after a real query went through. */
export async function GET() {
  await connection();
  try {
    const { db, driver } = await getDbHandle();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", db: driver }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log("error", "health.failed", { error });
    return NextResponse.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
