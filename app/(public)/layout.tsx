import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <nav aria-label="Navigation principale">
            <Link href="/formations" className="text-sm font-medium text-slate-800 hover:underline">
              Toutes les formations
            </Link>
          </nav>
        }
      />
      {children}
      <footer className="mt-16 border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600">
          Les formations sont saisies par les organismes et vérifiées par le centre régional d’information sur la
          formation avant leur mise en ligne.
        </div>
      </footer>
    </>
  );
}
