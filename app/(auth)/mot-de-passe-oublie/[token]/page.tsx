import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { ResetForm } from "@/app/(auth)/mot-de-passe-oublie/[token]/reset-form";
import { SiteHeader } from "@/components/site-header";
import { findValidReset, RESET_LINK_INVALID } from "@/db/queries/password-resets";
import { now } from "@/lib/clock";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/accounts";

export const metadata: Metadata = { title: "Nouveau mot de passe", robots: { index: false }, referrer: "no-referrer" };

async function Reset({ params }: { params: PageProps<"/mot-de-passe-oublie/[token]">["params"] }) {
  await connection();
  const { token } = await params;
  const reset = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findValidReset({ token, now: now() }) : null;
  if (!reset) {
    return (
      <>
        <p className="text-slate-800">{RESET_LINK_INVALID}</p>
        <p className="mt-4">
          <Link href="/mot-de-passe-oublie" className="font-medium text-brand-700 underline">
            Demander un nouveau lien
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="mb-6 text-slate-700">
        Bonjour {reset.name}. Choisissez le mot de passe de votre identifiant <code className="font-mono">{reset.identifier}</code> : au moins{" "}
        {PASSWORD_MIN_LENGTH}&nbsp;caractères, sans votre identifiant. Vos autres connexions seront fermées.
      </p>
      <ResetForm token={token} identifier={reset.identifier} />
    </>
  );
}

export default function ResetPasswordPage({ params }: PageProps<"/mot-de-passe-oublie/[token]">) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-semibold">Nouveau mot de passe</h1>
        <Suspense fallback={null}>
          <Reset params={params} />
        </Suspense>
      </main>
    </>
  );
}
