import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { AccessContactDetails } from "@/app/(auth)/connexion/access-contact";
import { RequestForm } from "@/app/(auth)/mot-de-passe-oublie/request-form";
import { SiteHeader } from "@/components/site-header";
import { getSetting } from "@/db/queries/settings";

export const metadata: Metadata = { title: "Mot de passe oublié", robots: { index: false } };

async function Form() {
  await connection();
  const contact = await getSetting("accessContact");
  return <RequestForm contact={<AccessContactDetails contact={contact} />} />;
}

/** R10: a self-service reset by e-mail; those without an e-mail address are told whom to call. */
export default function ForgottenPasswordPage() {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-semibold">Mot de passe oublié</h1>
        <p className="mb-6 mt-2 text-slate-700">
          Indiquez votre identifiant ou l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.
        </p>
        <Suspense fallback={null}>
          <Form />
        </Suspense>
        <p className="mt-6 text-sm">
          <Link href="/connexion" className="text-brand-700 underline">
            Retour à la connexion
          </Link>
        </p>
      </main>
    </>
  );
}
