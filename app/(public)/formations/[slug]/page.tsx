import type { Metadata } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { PUBLIC_CACHE_LIFE } from "@/components/catalogue/cached-catalogue";
import { getDiffusedAction } from "@/db/queries/catalogue";
import { CATALOGUE_TAG, actionTag } from "@/lib/cache-tags";
import { formatDateRange, parisDate } from "@/lib/dates";
import { formatPlaces } from "@/lib/format";

async function loadAction(slug: string, today: string) {
  "use cache";
  cacheTag(CATALOGUE_TAG);
  cacheLife(PUBLIC_CACHE_LIFE);
  const found = await getDiffusedAction({ slug, today });
  if (found?.kind === "found") cacheTag(actionTag(found.action.actionId));
  return found;
}

export async function generateMetadata({ params }: PageProps<"/formations/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  await connection();
  const found = await loadAction(slug, parisDate());
  if (found?.kind !== "found") return { title: "Formation introuvable" };
  return { title: found.action.title, description: found.action.objectives.slice(0, 160) };
}

async function ActionDetails({ params }: { params: PageProps<"/formations/[slug]">["params"] }) {
  const { slug } = await params;
  await connection();
  const found = await loadAction(slug, parisDate());
  if (!found) notFound();
  if (found.kind === "redirect") permanentRedirect(`/formations/${found.slug}`);
  const { action, sessions } = found;
  const org = action.organisation;
  return (
    <article>
      <p className="text-sm font-medium text-brand-700">{action.organisationName}</p>
      <h1 className="mt-1 text-3xl font-semibold">{action.title}</h1>

      <section className="mt-8" aria-labelledby="objectifs">
        <h2 id="objectifs" className="text-xl font-semibold">
          Objectifs
        </h2>
        <p className="mt-2 whitespace-pre-line text-slate-800">{action.objectives}</p>
      </section>

      <section className="mt-8" aria-labelledby="contenu">
        <h2 id="contenu" className="text-xl font-semibold">
          Contenu
        </h2>
        <p className="mt-2 whitespace-pre-line text-slate-800">{action.content}</p>
      </section>

      <section className="mt-8" aria-labelledby="sessions">
        <h2 id="sessions" className="text-xl font-semibold">
          Sessions
        </h2>
        {action.permanentEntry && (
          <p className="mt-2 text-slate-800">
            Entrées et sorties permanentes : vous pouvez commencer cette formation tout au long de l’année.
          </p>
        )}
        {sessions.length > 0 && (
          <ul className="mt-3 space-y-3">
            {sessions.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium">{s.town}</p>
                <p className="text-slate-700">{formatDateRange(s.startDate, s.endDate)}</p>
                <p className="text-slate-700 first-letter:uppercase">{formatPlaces(s.placesAvailable)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="organisme">
        <h2 id="organisme" className="text-lg font-semibold">
          Organisme de formation
        </h2>
        <p className="mt-2 font-medium">{org.name}</p>
        <p className="text-slate-700">
          {org.street}, {org.postalCode} {org.town}
        </p>
        {org.phone && <p className="text-slate-700">Téléphone : {org.phone}</p>}
        {org.email && (
          <p className="text-slate-700">
            Courriel :{" "}
            <a className="text-brand-700 underline" href={`mailto:${org.email}`}>
              {org.email}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}

export default function ActionPage({ params }: PageProps<"/formations/[slug]">) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Suspense fallback={<p className="text-slate-500">Chargement de la formation…</p>}>
        <ActionDetails params={params} />
      </Suspense>
    </main>
  );
}
