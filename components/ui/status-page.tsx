export function StatusPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <div className="mt-4 space-y-3 text-slate-700">{children}</div>
    </main>
  );
}
