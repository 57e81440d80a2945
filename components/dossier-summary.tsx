import type { RevisionStatus } from "@/db/schema";
import { formatDayMonthYear } from "@/lib/dates";
import { CONTACT_ROLES } from "@/lib/lheo/codes";
import type { DossierContent } from "@/lib/validations/organisation";

const STATUS_LABELS: Record<RevisionStatus, string> = {
  draft: "Brouillon",
  submitted: "En attente de validation",
  approved: "Validé",
  rejected: "Refusé",
};

const STATUS_TONES: Record<RevisionStatus, string> = {
  draft: "bg-slate-100 text-slate-800",
  submitted: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
};

/** The state of an organisation dossier (masculine words: « Validé », not the actions' « Publiée »); null: never sent. */
export function DossierStatusBadge({ status }: { status: RevisionStatus | null }) {
  const tone = status ? STATUS_TONES[status] : "bg-slate-100 text-slate-800";
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone}`}>{status ? STATUS_LABELS[status] : "Jamais envoyé"}</span>;
}

/** « 123 456 789 00012 »: SIREN in groups of three, then the establishment's number, never split across lines. */
function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");
}

function roleLabel(code: string): string {
  return CONTACT_ROLES.find((role) => role.code === code)?.label ?? "";
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="whitespace-pre-line text-slate-900">{children || "—"}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * An organisation dossier as sent, read-only: for staff under review, and for the provider while
 * it waits. `formacodes` gives the labels of the training fields (a code without one is shown alone).
 */
export function DossierSummary({ content, formacodes }: { content: DossierContent; formacodes: { code: string; label: string }[] }) {
  const labels = new Map(formacodes.map((f) => [f.code, f.label]));
  const { address } = content;
  return (
    <div className="space-y-6">
      <Section title="Identité">
        <dl className="mt-1 divide-y divide-slate-200 text-sm">
          <Item term="Raison sociale">{content.legalName}</Item>
          <Item term="Nom d’usage">{content.usualName}</Item>
          <Item term="Numéro SIRET">{formatSiret(content.siret)}</Item>
          <Item term="Numéro de déclaration d’activité">{content.activityNumber}</Item>
        </dl>
      </Section>

      <Section title="Adresse et coordonnées">
        <dl className="mt-1 divide-y divide-slate-200 text-sm">
          <Item term="Adresse">
            {[address.street, address.street2, [address.postcode, address.communeName].filter(Boolean).join(" ")].filter(Boolean).join("\n")}
          </Item>
          <Item term="Téléphone">{content.phone}</Item>
          <Item term="Courriel">{content.email}</Item>
          <Item term="Site internet">{content.website}</Item>
        </dl>
      </Section>

      <Section title="Contacts">
        {content.contacts.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">Aucun contact indiqué.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {content.contacts.map((contact) => (
              <li key={contact.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <span className="font-medium">{contact.name || "Contact sans nom"}</span>
                {contact.role && <span className="text-slate-700">, {roleLabel(contact.role).toLowerCase()}</span>}
                <span className="block text-slate-700">{[contact.phone, contact.email].filter(Boolean).join(" · ") || "Ni téléphone ni courriel"}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Domaines de formation">
        {content.trainingFields.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">Aucun domaine choisi.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Domaines de formation (Formacode)">
            {content.trainingFields.map((code) => (
              <li key={code} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">
                {labels.has(code) ? `${code} · ${labels.get(code)}` : code}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Moyens">
        <dl className="mt-1 divide-y divide-slate-200 text-sm">
          <Item term="Locaux">{content.premises}</Item>
          <Item term="Équipements">{content.equipment}</Item>
          <Item term="Formateurs">{content.trainers}</Item>
        </dl>
      </Section>

      <Section title="Certifications">
        <dl className="mt-1 divide-y divide-slate-200 text-sm">
          <Item term="Qualiopi">
            {content.qualiopi ? (content.qualiopiDate ? `Oui, certifié le ${formatDayMonthYear(content.qualiopiDate)}` : "Oui") : "Non"}
          </Item>
          <Item term="Autres certifications">{content.otherCertifications}</Item>
        </dl>
      </Section>

      <Section title="Accessibilité">
        <dl className="mt-1 divide-y divide-slate-200 text-sm">
          <Item term="Accueil des personnes handicapées">{content.accessibility}</Item>
        </dl>
      </Section>
    </div>
  );
}
