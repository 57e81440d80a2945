import { addDays, formatLongDate } from "@/lib/dates";

/** « 123 456 789 00012 »: SIREN in groups of three, then the establishment's number, never split across lines. */
export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");
}

/**
 * Where the organisation's dossier stands (R8), in words: `expiryDate` is the first day it no
 * longer counts, so the last valid day is the day before.
 */
export function DossierState({
  approved,
  valid,
  expiryDate,
  pending,
  today,
}: {
  approved: boolean;
  valid: boolean;
  expiryDate: string | null;
  pending: boolean;
  today: string;
}) {
  const waiting = pending ? <span className="block text-amber-900">Dossier en attente de validation</span> : null;
  if (!approved || !expiryDate) {
    return (
      <span>
        <span className="block text-slate-700">Jamais validé</span>
        {waiting}
      </span>
    );
  }
  return (
    <span>
      {valid && today < expiryDate ? (
        <span className="block text-green-900">Valide jusqu’au {formatLongDate(addDays(expiryDate, -1))}</span>
      ) : valid ? (
        <span className="block text-amber-900">Échu le {formatLongDate(expiryDate)}, maintenu en ligne par le renouvellement envoyé à temps</span>
      ) : (
        <span className="block text-red-800">Échu depuis le {formatLongDate(expiryDate)}</span>
      )}
      {waiting}
    </span>
  );
}
