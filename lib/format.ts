/** « 12 places disponibles », « 1 place disponible », « complet : aucune place disponible » */
export function formatPlaces(count: number): string {
  if (count === 0) return "complet : aucune place disponible";
  return `${count.toLocaleString("fr-FR")} ${count === 1 ? "place disponible" : "places disponibles"}`;
}

/** The text as a sentence: one final full stop, whatever the provider typed at the end. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[\s.]+$/, "");
  return /[!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
