// CSV for French spreadsheets: UTF-8 with a byte order mark (so that Excel reads the accents),
// « ; » between fields, CRLF line ends, fields quoted when they hold « ; », quotes or line
// breaks. Used by the journal export and the open data.

export const CSV_BOM = "\uFEFF";

/**
 * One field. A text starting like a formula (= + - @) gets a leading apostrophe, so that a
 * spreadsheet shows it instead of running it: titles and reasons are typed by people.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(";")}\r\n`;
}
