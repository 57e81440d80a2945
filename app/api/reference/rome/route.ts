import { connection, NextResponse, type NextRequest } from "next/server";
import { searchRome } from "@/db/queries/reference";

// Public reference data (the ROME job codes): no account needed.
export async function GET(request: NextRequest) {
  await connection();
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 80);
  const codes = await searchRome({ q });
  return NextResponse.json(
    codes.map((c) => ({ value: c.code, label: `${c.code} · ${c.label}` })),
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
