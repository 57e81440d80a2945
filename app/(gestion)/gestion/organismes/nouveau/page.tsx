import type { Metadata } from "next";
import Link from "next/link";
import { NewOrganisationForm } from "@/app/(gestion)/gestion/organismes/nouveau/new-organisation-form";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Créer un organisme" };

export default async function NewOrganisationPage() {
  await requirePageUser(STAFF_ROLES, "/gestion/organismes/nouveau");
  return (
    <>
      <p className="text-sm">
        <Link href="/gestion/organismes" className="text-brand-700 hover:underline">
          ← Organismes
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Créer un organisme</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        L’organisme et son premier compte sont créés ensemble&nbsp;; l’identifiant et un mot de passe provisoire s’affichent une seule
        fois, pour que vous les lui transmettiez. Ses actions ne seront en ligne qu’après la validation de son premier dossier.
      </p>
      <div className="mt-6">
        <NewOrganisationForm />
      </div>
    </>
  );
}
