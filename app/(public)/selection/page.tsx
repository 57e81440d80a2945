import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { nextSessionText } from "@/components/catalogue/action-card";
import { loadSelection } from "@/components/catalogue/cached-reads";
import { OpenStoredSelection, SelectionButton } from "@/components/catalogue/selection-button";
import { ShareLink } from "@/components/catalogue/share-link";
import { formatLongDate } from "@/lib/dates";
import { appUrl } from "@/lib/urls";
import { selectionIdsFromQuery } from "@/lib/validations/public";

export const metadata: Metadata = {
  title: "Ma sélection de formations",
  description: "Une liste de formations choisies, à imprimer ou à envoyer par un lien.",
  robots: { index: false },
};

async function SelectedActions({ searchParams }: { searchParams: PageProps<"/selection">["searchParams"] }) {
  const ids = selectionIdsFromQuery((await searchParams).ids);
  if (ids.length === 0) return <OpenStoredSelection />;
  const selection = await loadSelection(ids);
  const actions = selection?.actions ?? [];
  const missing = ids.length - actions.length;
  const link = appUrl(`/selection?ids=${actions.map((a) => a.actionId).join(",")}`);
  return (
    <>
      {actions.length > 0 ? (
        <ol className="mt-6 space-y-4">
          {actions.map((action) => (
            <li key={action.actionId} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/formations/${action.slug}`} className="text-brand-800 underline-offset-2 hover:underline">
                  {action.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">{action.organisationName}</p>
              <p className="mt-2 text-sm text-slate-600">{action.objectives}</p>
              <p className="mt-2 text-sm text-slate-800">
                {nextSessionText(action.nextStartDate, selection?.today ?? "")}
                {action.towns.length > 0 && <> · {action.towns.join(", ")}</>}
              </p>
              <p className="hidden text-sm print:block">Adresse de la page : {appUrl(`/formations/${action.slug}`)}</p>
              <div className="mt-3">
                <SelectionButton actionId={action.actionId} title={action.title} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-6">Aucune des formations de ce lien n’est en ligne aujourd’hui.</p>
      )}
      {missing > 0 && actions.length > 0 && (
        <p className="mt-4 text-slate-700">
          {missing === 1 ? "Une formation de ce lien n’est plus en ligne." : `${missing} formations de ce lien ne sont plus en ligne.`}
        </p>
      )}
      {actions.length > 0 && (
        <div className="mt-6 space-y-2 print:hidden">
          <ShareLink title="Une sélection de formations" url={link} />
          <p className="text-sm text-slate-700">Pour imprimer cette liste, utilisez la commande « Imprimer » de votre navigateur.</p>
        </div>
      )}
      {selection && <p className="mt-6 hidden text-sm print:block">Liste établie le {formatLongDate(selection.today)}.</p>}
    </>
  );
}

export default function SelectionPage({ searchParams }: PageProps<"/selection">) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Ma sélection de formations</h1>
      <p className="mt-2 text-slate-700">
        Les formations que vous avez choisies sur ce site, gardées dans ce navigateur seulement. Envoyez le lien de la liste à la personne que
        vous accompagnez, ou imprimez-la.
      </p>
      <Suspense fallback={<p className="mt-6 text-slate-600">Chargement de la sélection…</p>}>
        <SelectedActions searchParams={searchParams} />
      </Suspense>
    </main>
  );
}
