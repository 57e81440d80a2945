import type { Metadata } from "next";
import { ImportForm } from "@/app/(organisme)/espace-organisme/actions/importer/import-form";
import { requireProviderPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Importer un fichier LHÉO" };

export default async function ImportPage() {
  await requireProviderPage("/espace-organisme/actions/importer");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Importer un fichier LHÉO</h1>
      <p className="mb-6 max-w-3xl text-slate-700">
        Vous avez beaucoup d’actions dans votre logiciel&nbsp;? Importez son export au format LHÉO (2.2 ou 2.3)&nbsp;: chaque
        formation de votre organisme devient un brouillon, que vous relisez puis envoyez pour validation. Rien n’est publié sans
        la validation du centre. Les formations d’un autre organisme (autre numéro SIRET) ne sont pas importées.
      </p>
      <ImportForm />
    </>
  );
}
