import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import Link from "next/link";
import { AccessContactDetails } from "@/app/(auth)/connexion/access-contact";
import { LoginForm } from "@/app/(auth)/connexion/login-form";
import { SiteHeader } from "@/components/site-header";
import { getSetting } from "@/db/queries/settings";

export const metadata: Metadata = { title: "Connexion" };

/** R10: whom providers contact when they lose their codes, as staff set it; and the self-service reset. */
async function LostCodes() {
  await connection();
  const contact = await getSetting("accessContact");
  return (
    <section aria-labelledby="codes-perdus" className="mt-8 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
      <h2 id="codes-perdus" className="font-semibold">
        Codes confidentiels perdus ?
      </h2>
      <p className="mt-1 text-slate-700">
        <Link href="/mot-de-passe-oublie" className="font-medium text-brand-700 underline">
          Mot de passe oublié ?
        </Link>{" "}
        Recevez un lien par courriel pour en choisir un nouveau. Sinon, contactez l’équipe du centre régional d’information sur la formation :
      </p>
      <AccessContactDetails contact={contact} />
    </section>
  );
}

async function Form({ searchParams }: { searchParams: PageProps<"/connexion">["searchParams"] }) {
  const { callbackUrl } = await searchParams;
  return <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />;
}

export default function LoginPage({ searchParams }: PageProps<"/connexion">) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-semibold">Connexion</h1>
        <p className="mb-6 mt-2 text-slate-700">
          Espace des organismes de formation et de l’équipe du centre. Connectez-vous avec les codes confidentiels qui
          vous ont été remis.
        </p>
        <Suspense fallback={null}>
          <Form searchParams={searchParams} />
        </Suspense>
        <Suspense fallback={null}>
          <LostCodes />
        </Suspense>
      </main>
    </>
  );
}
