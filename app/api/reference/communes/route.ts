import { connection, NextResponse, type NextRequest } from "next/server";
import { searchCommunes } from "@/db/queries/reference";
import { searchText } from "@/lib/validations/fields";

// Invisible characters are dropped: a NUL would otherwise reach PostgreSQL.
const searchQuery = searchText(80);

// Public reference data (the official list of communes and their postcodes): no account needed.
// `q` is the start of a name, or of a postcode.
export async function GET(request: NextRequest) {
  await connection();
  const q = searchQuery.parse(request.nextUrl.searchParams.get("q"));
  const communes = await searchCommunes({ q });
  return NextResponse.json(
    communes.map((c) => ({ value: c.code, label: `${c.name} (${c.department})`, postcodes: c.postcodes })),
    { headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
