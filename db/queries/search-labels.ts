import "server-only";
import { desc, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { formacodes } from "@/db/schema";

// The names of the Formacode fields the search filters on. The thesaurus writes a field as its
// code and name in capitals without accents (« 223 BATIMENT GROS OEUVRE »); the descriptor of
// the same name gives it with its accents (« bâtiment gros œuvre »).

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Field code → name, from the newest edition loaded; sorted by name. */
export async function listFormacodeFields(): Promise<{ code: string; label: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ edition: formacodes.edition, label: formacodes.label, folded: formacodes.labelFolded, field: formacodes.field })
    .from(formacodes)
    .where(isNotNull(formacodes.field))
    .orderBy(desc(formacodes.edition));
  const edition = rows[0]?.edition;
  const current = rows.filter((r) => r.edition === edition);
  const byFolded = new Map(current.map((r) => [r.folded, r.label]));
  const fields = new Map<string, string>();
  for (const { field } of current) {
    const [code, ...words] = field!.split(" ");
    if (!code || fields.has(code)) continue;
    const name = words.join(" ").toLowerCase();
    fields.set(code, capitalised(byFolded.get(name) ?? name));
  }
  return [...fields].map(([code, label]) => ({ code, label })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
}
