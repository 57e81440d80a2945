export default function Loading() {
  return <p className="text-slate-500">Chargement…</p>;
}
