import { SiteHeader } from "@/components/site-header";

export default function ProviderLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
