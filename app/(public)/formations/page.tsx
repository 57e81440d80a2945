import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { CatalogueSkeleton } from "@/components/catalogue/action-card";
import { DiffusedActionList } from "@/components/catalogue/diffused-action-list";

export const metadata: Metadata = { title: "Les formations" };

async function Catalogue() {
  await connection();
  return <DiffusedActionList limit={200} empty="Aucune formation n’est en ligne pour le moment." />;
}

export default function FormationsPage() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Les formations</h1>
      <p className="mb-6 mt-2 text-slate-700">
        Les formations financées dont une session va commencer, ou qui accueillent de nouveaux stagiaires tout au long
        de l’année.
      </p>
      <Suspense fallback={<CatalogueSkeleton />}>
        <Catalogue />
      </Suspense>
    </main>
  );
}
