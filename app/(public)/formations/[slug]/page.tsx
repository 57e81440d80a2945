import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ActionDetails } from "@/app/(public)/formations/[slug]/action-details";
import { loadAction } from "@/components/catalogue/cached-reads";
import { BUILD_PLACEHOLDER_PARAM } from "@/lib/validations/public";
import { courseJsonLd, jsonForScript } from "@/lib/seo/course-json-ld";
import { totalHours } from "@/lib/validations/action";
import { appUrl } from "@/lib/urls";

// Served as cached HTML (incremental static regeneration with Cache Components): the first
// request for an address waits for its complete page, which is then cached under the tags of its
// reads (see components/catalogue/cached-reads.ts) until a change refreshes them, an hour at most.
// Nothing here reads the request, so the whole page is static; the build checks that it stays so.
export const ensureStatic = "navigation";

/**
 * Cache Components needs one entry; the build reads nothing from the database (a fresh clone
 * has none), so it is a placeholder that no slug matches and that renders « introuvable ».
 */
export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: PageProps<"/formations/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const found = await loadAction(slug);
  if (found?.kind !== "found") return { title: "Formation introuvable", robots: { index: false } };
  const { action } = found;
  const towns = [...new Set(found.sessions.map((s) => s.town))].join(", ");
  return {
    title: action.title,
    description: `${action.organisationName}${towns ? ` · ${towns}` : ""}. ${action.objectives}`.slice(0, 200),
    alternates: { canonical: `/formations/${action.slug}` },
  };
}

export default async function ActionPage({ params }: PageProps<"/formations/[slug]">) {
  const { slug } = await params;
  const found = await loadAction(slug);
  if (!found) notFound();
  if (found.kind === "redirect") permanentRedirect(`/formations/${found.slug}`);
  const { action, sessions } = found;
  const url = appUrl(`/formations/${action.slug}`);
  const jsonLd = courseJsonLd({
    url,
    title: action.title,
    description: action.objectives,
    provider: { name: action.organisationName, url: appUrl(`/organismes/${action.organisationSlug}`) },
    teachingMode: action.details.teachingMode,
    hoursTotal: action.details.hoursCentre !== null || action.details.hoursCompany !== null ? totalHours(action.details) : null,
    free: action.details.free,
    price: action.details.price,
    certification: action.details.certifying ? action.details.certification.label : "",
    sessions: sessions.map((s) => ({ startDate: s.startDate, endDate: s.endDate, street: s.street, postcode: s.postcode, town: s.town })),
  });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      <ActionDetails found={found} url={url} />
    </main>
  );
}
