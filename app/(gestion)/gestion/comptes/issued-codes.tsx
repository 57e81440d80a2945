import { useId } from "react";
import { Notice } from "@/components/ui/notice";

/**
 * Temporary codes, shown once (R10): only the hash is stored, so once this page is left nobody
 * can read them again — a new reset gives new ones.
 */
export function IssuedCodes({ codes }: { codes: { identifier: string; password: string; displayName: string } }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border-2 border-brand-700 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Codes provisoires de {codes.displayName}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Identifiant</dt>
        <dd>
          <code data-testid="issued-identifier" className="rounded bg-slate-100 px-2 py-1 font-mono text-lg">
            {codes.identifier}
          </code>
        </dd>
        <dt className="font-medium text-slate-700">Mot de passe provisoire</dt>
        <dd>
          <code data-testid="issued-password" className="rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-wider">
            {codes.password}
          </code>
        </dd>
      </dl>
      <Notice tone="warning">
        À transmettre par téléphone ou par courrier&nbsp;; ils ne seront plus affichés. Le mot de passe s’écrit en minuscules et en
        chiffres, avec les tirets. À sa première connexion, la personne choisira son propre mot de passe.
      </Notice>
    </section>
  );
}
