import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <nav aria-label="Gestion">
            <Link href="/gestion/validation" className="text-sm font-medium text-slate-800 hover:underline">
              Actions à valider
            </Link>
          </nav>
        }
      />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
