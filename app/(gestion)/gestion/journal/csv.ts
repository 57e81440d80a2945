// The journal as CSV, for an inspection: UTF-8 with a byte order mark (so that Excel reads the
// accents), « ; » between fields (the French spreadsheet default), CRLF line ends, fields quoted
// when they hold « ; », quotes or line breaks. Written as a stream: an export of the whole log
// never sits in memory. Only what the journal page shows goes out (db/queries/journal.ts keeps
// a fixed list of detail keys), so no password, hash or token can ever reach the file.

import type { JournalEntry } from "@/db/queries/journal";
import { actorLabel, entryDetail, entryLabel, entryRecord, ROLE_LABELS } from "@/app/(gestion)/gestion/journal/labels";
import { CSV_BOM, csvField, csvLine } from "@/lib/csv";
import { PARIS } from "@/lib/dates";

export { CSV_BOM, csvField, csvLine };
export const CSV_HEADER = ["Date et heure (Paris)", "Événement", "Code de l’événement", "Auteur", "Rôle", "Organisme", "Concerne", "Identifiant", "Détail", "Numéro d’entrée"];

const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function entryFields(entry: JournalEntry): string[] {
  const record = entryRecord(entry);
  return [
    stamp.format(entry.at),
    entryLabel(entry),
    entry.event,
    entry.actor ? entry.actor.name : actorLabel(entry),
    entry.actor ? ROLE_LABELS[entry.actor.role] : "",
    entry.organisation?.name ?? "",
    record.label,
    entry.entityId,
    entryDetail(entry) ?? "",
    String(entry.id),
  ];
}

export function journalCsvStream(entries: AsyncIterable<JournalEntry>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = entries[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(CSV_HEADER)));
        return;
      }
      // A few hundred lines per chunk: fewer, larger writes.
      let text = "";
      for (let n = 0; n < 500; n++) {
        const next = await iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvLine(entryFields(next.value));
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
