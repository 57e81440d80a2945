import Link from "next/link";
import { Suspense } from "react";
import { CatalogueSkeleton } from "@/components/catalogue/action-card";
import { RevalidatedAfterBuild, readAtRunTimeOnly } from "@/components/catalogue/build-phase";
import { DiffusedActionList } from "@/components/catalogue/diffused-action-list";

async function LatestActions() {
  await readAtRunTimeOnly();
  return <DiffusedActionList limit={6} empty="Aucune formation n’est en ligne pour le moment." />;
}

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <RevalidatedAfterBuild />
      <section className="rounded-xl bg-brand-800 px-6 py-10 text-white" aria-labelledby="accueil-titre">
        <h1 id="accueil-titre" className="text-3xl font-semibold">
          Trouver une formation financée en Lorraine
        </h1>
        <p className="mt-3 max-w-2xl text-brand-100">
          Toutes les formations présentées ici sont financées par la Région, l’État ou France Travail, et vérifiées par
          notre équipe avant leur mise en ligne.
        </p>
        <Link
          href="/formations"
          className="mt-6 inline-block rounded-md bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        >
          Voir toutes les formations
        </Link>
      </section>
      <section className="mt-10" aria-labelledby="prochaines">
        <h2 id="prochaines" className="mb-4 text-xl font-semibold">
          Prochaines sessions
        </h2>
        <Suspense fallback={<CatalogueSkeleton />}>
          <LatestActions />
        </Suspense>
      </section>
    </main>
  );
}
