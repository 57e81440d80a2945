import { connection, NextResponse, type NextRequest } from "next/server";
import { searchNsf } from "@/db/queries/reference";
import { searchText } from "@/lib/validations/fields";

// Invisible characters are dropped: a NUL would otherwise reach PostgreSQL.
const searchQuery = searchText(80);

// Public reference data (the NSF field-of-training codes): no account needed.
export async function GET(request: NextRequest) {
  await connection();
  const q = searchQuery.parse(request.nextUrl.searchParams.get("q"));
  const codes = await searchNsf({ q });
  return NextResponse.json(
    codes.map((c) => ({ value: c.code, label: `${c.code} · ${c.label}` })),
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
