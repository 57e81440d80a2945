import { connection, NextResponse, type NextRequest } from "next/server";
import { searchNsf } from "@/db/queries/reference";

// Public reference data (the NSF field-of-training codes): no account needed.
export async function GET(request: NextRequest) {
  await connection();
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 80);
  const codes = await searchNsf({ q });
  return NextResponse.json(
    codes.map((c) => ({ value: c.code, label: `${c.code} · ${c.label}` })),
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
