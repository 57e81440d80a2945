import { type NextRequest } from "next/server";
import { allJournalEntries, resolveJournalQuery } from "@/db/queries/journal";
import { getSessionUser, STAFF_ROLES } from "@/lib/auth/session";
import { currentDay } from "@/lib/clock";
import { journalCsvStream } from "@/app/(gestion)/gestion/journal/csv";
import { parseJournalParams } from "@/app/(gestion)/gestion/journal/search-params";

// GET /gestion/journal/export.csv?<the journal's filters>: every entry they select, newest first
// (the page's cursor is ignored). The proxy already turns others away; this checks again itself.
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  const text = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!user) return new Response("Connectez-vous pour exporter le journal.", { status: 401, headers: text });
  if (!STAFF_ROLES.includes(user.role)) return new Response("Votre compte ne permet pas d’exporter le journal.", { status: 403, headers: text });
  // Temporary codes open nothing but the password page (R10), as for every page and action.
  if (user.mustChangePassword) {
    return new Response("Choisissez d’abord votre mot de passe (/mot-de-passe) : les codes provisoires ne permettent pas d’exporter le journal.", { status: 403, headers: text });
  }

  const today = currentDay();
  const { filters } = await resolveJournalQuery({ ...parseJournalParams(request.nextUrl.searchParams, today), cursor: null });
  return new Response(journalCsvStream(allJournalEntries({ filters })), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-${today}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
