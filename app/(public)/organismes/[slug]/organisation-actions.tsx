import Link from "next/link";
import { CompactActionList } from "@/components/catalogue/action-card";
import type { loadOrganisation } from "@/components/catalogue/cached-reads";
import { Pagination } from "@/components/ui/pagination";

export type FoundOrganisation = NonNullable<Awaited<ReturnType<typeof loadOrganisation>>>;

/** The address of page `page` of an organisation's actions (page 1 is the organisation's page). */
export function organisationPageHref(slug: string, page: number) {
  return page === 1 ? `/organismes/${slug}` : `/organismes/${slug}/page/${page}`;
}

/** « 47 formations en ligne », for titles and descriptions. */
export function onlineCount(total: number) {
  return `${total} formation${total > 1 ? "s" : ""} en ligne`;
}

/** One page of an organisation's diffused actions, soonest first, with the links to the others. */
export function OrganisationActions({ found }: { found: FoundOrganisation }) {
  const { organisation, actions, today, total, page, pageCount } = found;
  return (
    <section className="mt-8" aria-labelledby="formations-organisme">
      <h2 id="formations-organisme" className="mb-1 text-xl font-semibold">
        Ses formations en ligne
      </h2>
      {total > 0 && (
        <p className="mb-4 text-sm text-slate-700">
          {pageCount > 1
            ? `${total} formations, de la plus proche à la plus lointaine : page ${page} sur ${pageCount}.`
            : `${onlineCount(total)}, de la plus proche à la plus lointaine.`}
        </p>
      )}
      <CompactActionList actions={actions} today={today} empty="Cet organisme n’a pas de formation en ligne en ce moment." />
      <Pagination page={page} last={pageCount} hrefOf={(p) => organisationPageHref(organisation.slug, p)} label="Pages des formations de l’organisme" />
      <p className="mt-6 print:hidden">
        <Link href="/formations" className="font-medium text-brand-700 underline">
          Voir toutes les formations
        </Link>
      </p>
    </section>
  );
}
