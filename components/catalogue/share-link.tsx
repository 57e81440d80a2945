/**
 * « Partager » as a plain link: a message ready in the visitor's mail program, and the address
 * shown to copy. No script.
 */
export function ShareLink({ title, url }: { title: string; url: string }) {
  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
  return (
    <p className="text-sm text-slate-700 print:hidden">
      <a href={mail} className="font-medium text-brand-700 underline">
        Partager par courriel
      </a>{" "}
      · adresse à copier : <span className="break-all font-mono text-xs">{url}</span>
    </p>
  );
}
