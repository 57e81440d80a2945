import Link from "next/link";
import { Suspense } from "react";
import { SiteHeader } from "@/components/site-header";
import { getSessionUser } from "@/lib/auth/session";

const linkClass = "text-sm font-medium text-slate-800 hover:underline";

/** Pages for administrators only: shown to them alone (each page checks the role again). */
async function AdminLinks() {
  const user = await getSessionUser();
  if (user?.role !== "admin") return null;
  return (
    <>
      <Link href="/gestion/comptes" className={linkClass}>
        Comptes de l’équipe
      </Link>
      <Link href="/gestion/courriels" className={linkClass}>
        Courriels
      </Link>
      <Link href="/gestion/parametres" className={linkClass}>
        Paramètres
      </Link>
    </>
  );
}

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <nav aria-label="Gestion" className="flex flex-wrap gap-x-4 gap-y-1">
            <Link href="/gestion" className={linkClass}>
              Tableau de bord
            </Link>
            <Link href="/gestion/validation" className={linkClass}>
              À valider
            </Link>
            <Link href="/gestion/organismes" className={linkClass}>
              Organismes
            </Link>
            <Link href="/gestion/journal" className={linkClass}>
              Journal
            </Link>
            <Link href="/gestion/transmissions" className={linkClass}>
              Transmissions
            </Link>
            <Suspense fallback={null}>
              <AdminLinks />
            </Suspense>
          </nav>
        }
      />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
