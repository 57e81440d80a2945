import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

// Nothing here reads the request (no session, no cookie): the public pages are served as cached
// HTML. The link to the private areas goes through /mon-espace, which sends each visitor on.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <nav aria-label="Navigation principale" className="flex gap-4 print:hidden">
            <Link href="/formations" className="text-sm font-medium text-slate-800 hover:underline">
              Toutes les formations
            </Link>
            <Link href="/selection" className="text-sm font-medium text-slate-800 hover:underline">
              Ma sélection
            </Link>
          </nav>
        }
        account={
          <Link href="/mon-espace" prefetch={false} className="text-sm font-medium text-brand-700 hover:underline print:hidden">
            Espace organismes et équipe
          </Link>
        }
      />
      <div id="contenu">{children}</div>
      <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600">
          Les formations sont saisies par les organismes et vérifiées par le centre régional d’information sur la
          formation avant leur mise en ligne.{" "}
          <Link href="/donnees-ouvertes" className="underline">
            Données ouvertes
          </Link>
        </div>
      </footer>
    </>
  );
}
