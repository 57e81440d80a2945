import { connection, NextResponse, type NextRequest } from "next/server";
import { searchFormacodes } from "@/db/queries/reference";
import { searchText } from "@/lib/validations/fields";

// Invisible characters are dropped: a NUL would otherwise reach PostgreSQL.
const searchQuery = searchText(80);

// Public reference data (the Formacode thesaurus): no account needed. The label says which
// synonym or related term matched, when it was not the descriptor's own label.
export async function GET(request: NextRequest) {
  await connection();
  const q = searchQuery.parse(request.nextUrl.searchParams.get("q"));
  const codes = await searchFormacodes({ q });
  return NextResponse.json(
    codes.map((c) => ({ value: c.code, label: `${c.code} · ${c.label}${c.matched ? ` (${c.matched})` : ""}`, nsf: c.nsf ?? undefined })),
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
