import Link from "next/link";
import { Suspense } from "react";
import { logout } from "@/app/(auth)/server-actions";
import { getSessionUser, homeFor } from "@/lib/auth/session";

async function AccountMenu() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <Link href="/connexion" className="text-sm font-medium text-brand-700 hover:underline">
        Espace organismes et équipe
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-4 text-sm">
      <Link href={homeFor(user)} className="font-medium text-brand-700 hover:underline">
        {user.role === "provider" ? "Espace organisme" : "Gestion"}
      </Link>
      <Link href="/mon-compte" className="hidden text-slate-600 hover:underline sm:inline" title="Mon compte">
        {user.name}
      </Link>
      <form action={logout}>
        <button type="submit" className="font-medium text-slate-700 underline-offset-2 hover:underline">
          Se déconnecter
        </button>
      </form>
    </div>
  );
}

/**
 * `account` replaces the account menu: the public pages pass a plain link, since reading the
 * session would render them per request instead of serving them from the cache. The skip link
 * comes first on every page that has this header: each gives its content the id « contenu ».
 */
export function SiteHeader({ nav, account }: { nav?: React.ReactNode; account?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:font-medium focus:text-brand-800"
      >
        Aller au contenu
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-base font-semibold text-brand-800">
          Offre de formation en Lorraine
        </Link>
        {nav}
        {account ?? (
          <Suspense fallback={<span className="text-sm text-slate-400">…</span>}>
            <AccountMenu />
          </Suspense>
        )}
      </div>
    </header>
  );
}
