import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganisationActions, organisationPageHref } from "@/app/(public)/organismes/[slug]/organisation-actions";
import { loadOrganisation } from "@/components/catalogue/cached-reads";
import { BUILD_PLACEHOLDER_PARAM, pageFromParam } from "@/lib/validations/public";

// The next pages of an organisation's actions (its page shows the first ones): cached HTML as
// the organisation page is, and 404 past the last page or for page 1 (which is the organisation's
// page itself).
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER_PARAM, page: BUILD_PLACEHOLDER_PARAM }];
}

async function load(params: PageProps<"/organismes/[slug]/page/[page]">["params"]) {
  const { slug, page } = await params;
  const number = pageFromParam(page);
  if (number === null || number === 1) return null;
  return loadOrganisation(slug, number);
}

export async function generateMetadata({ params }: PageProps<"/organismes/[slug]/page/[page]">): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: "Page introuvable", robots: { index: false } };
  const { organisation, page, pageCount } = found;
  return {
    title: `Formations de ${organisation.name} (page ${page} sur ${pageCount})`,
    description: `Les formations en ligne de ${organisation.name}, organisme de formation à ${organisation.town} : page ${page} sur ${pageCount}.`,
    alternates: { canonical: organisationPageHref(organisation.slug, page) },
  };
}

export default async function OrganisationActionsPage({ params }: PageProps<"/organismes/[slug]/page/[page]">) {
  const found = await load(params);
  if (!found) notFound();
  const { organisation } = found;
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-medium text-brand-700">
        Organisme de formation :{" "}
        <Link href={organisationPageHref(organisation.slug, 1)} className="underline">
          {organisation.name}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-semibold">Formations de {organisation.name}</h1>
      <OrganisationActions found={found} />
    </main>
  );
}
