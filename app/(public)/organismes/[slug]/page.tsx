import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { onlineCount, OrganisationActions } from "@/app/(public)/organismes/[slug]/organisation-actions";
import { loadOrganisation } from "@/components/catalogue/cached-reads";
import { formatLongDate } from "@/lib/dates";
import { CONTACT_ROLES, labelOf } from "@/lib/lheo/codes";
import { BUILD_PLACEHOLDER_PARAM } from "@/lib/validations/public";

// Served as cached HTML, as the action pages are (see app/(public)/formations/[slug]/page.tsx).
// An organisation whose dossier has lapsed (R8) or that is archived answers 404: the same rule
// as its actions (lib/diffusion-sql.ts), read in getDiffusedOrganisation.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: PageProps<"/organismes/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const found = await loadOrganisation(slug);
  if (!found) return { title: "Organisme introuvable", robots: { index: false } };
  const { organisation, total } = found;
  return {
    title: organisation.name,
    description: `${organisation.name}, organisme de formation à ${organisation.town} : ${onlineCount(total)}, adresse et contacts.`,
    alternates: { canonical: `/organismes/${organisation.slug}` },
  };
}

export default async function OrganisationPage({ params }: PageProps<"/organismes/[slug]">) {
  const { slug } = await params;
  const found = await loadOrganisation(slug);
  if (!found) notFound();
  const { organisation } = found;
  const dossier = organisation.dossier;
  const contacts = dossier?.contacts.filter((c) => c.phone || c.email) ?? [];
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-medium text-brand-700">Organisme de formation</p>
      <h1 className="mt-1 text-3xl font-semibold">{organisation.name}</h1>
      {organisation.legalName && organisation.legalName !== organisation.name && <p className="text-slate-700">{organisation.legalName}</p>}

      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="coordonnees">
        <h2 id="coordonnees" className="text-lg font-semibold">
          Coordonnées
        </h2>
        <p className="mt-2">
          {organisation.street}, {organisation.postalCode} {organisation.town}
        </p>
        {organisation.phone && (
          <p>
            Téléphone : <a className="text-brand-700 underline" href={`tel:${organisation.phone.replace(/\s/g, "")}`}>{organisation.phone}</a>
          </p>
        )}
        {organisation.email && (
          <p>
            Courriel : <a className="text-brand-700 underline" href={`mailto:${organisation.email}`}>{organisation.email}</a>
          </p>
        )}
        {organisation.website && (
          <p>
            Site : <a className="break-all text-brand-700 underline" href={organisation.website} rel="noopener">{organisation.website}</a>
          </p>
        )}
        {contacts.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Personnes à contacter</h3>
            <ul className="mt-1 space-y-1">
              {contacts.map((c) => (
                <li key={c.id}>
                  {c.name}
                  {c.role && <> ({labelOf(CONTACT_ROLES, c.role)?.toLowerCase()})</>}
                  {c.phone && <> · {c.phone}</>}
                  {c.email && (
                    <>
                      {" "}
                      · <a className="text-brand-700 underline" href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {dossier && (dossier.qualiopi || dossier.otherCertifications || dossier.accessibility) && (
        <section className="mt-6" aria-labelledby="certifications">
          <h2 id="certifications" className="text-lg font-semibold">
            Certifications et accueil
          </h2>
          <div className="mt-2 space-y-2 text-slate-800">
            {dossier.qualiopi && (
              <p>
                Certifié Qualiopi (la certification qualité des organismes de formation)
                {dossier.qualiopiDate ? ` depuis le ${formatLongDate(dossier.qualiopiDate)}` : ""}.
              </p>
            )}
            {dossier.otherCertifications && <p className="whitespace-pre-line">Autres certifications : {dossier.otherCertifications}</p>}
            {dossier.accessibility && <p className="whitespace-pre-line">Accueil des personnes handicapées : {dossier.accessibility}</p>}
          </div>
        </section>
      )}

      <OrganisationActions found={found} />
    </main>
  );
}
