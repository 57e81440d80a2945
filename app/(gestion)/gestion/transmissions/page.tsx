import type { Metadata } from "next";
import Link from "next/link";
import { listTransmissions, transmissionState, TRANSMISSIONS_PAGE } from "@/db/queries/transmissions";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime, formatLongDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Transmissions" };

const FEEDS: Record<string, string> = {
  lheo: "Offre au format LHÉO",
  removed: "Retraits (removed.json)",
};

const STATUS: Record<string, { label: string; tone: string }> = {
  running: { label: "En cours", tone: "bg-sky-100 text-sky-900" },
  complete: { label: "Complète", tone: "bg-green-100 text-green-900" },
  interrupted: { label: "Interrompue par le destinataire", tone: "bg-amber-100 text-amber-900" },
  failed: { label: "Échec", tone: "bg-red-100 text-red-900" },
  cut: { label: "Interrompue (durée maximale dépassée)", tone: "bg-red-100 text-red-900" },
};

const number = (n: number) => n.toLocaleString("fr-FR");

/** Each call of the transmission feeds by the national base (or another receiver), newest first. */
export default async function TransmissionsPage({ searchParams }: PageProps<"/gestion/transmissions">) {
  await requirePageUser(["staff", "admin"], "/gestion/transmissions");
  const { avant } = await searchParams;
  const before = typeof avant === "string" && /^\d{1,15}$/.test(avant) ? Number(avant) : undefined;
  const rows = (await listTransmissions({ before })).map((row) => ({ ...row, status: transmissionState(row) }));
  return (
    <>
      <h1 className="text-2xl font-semibold">Transmissions à la base nationale</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Chaque appel du flux LHÉO (<code>/api/export/lheo.xml</code>) et de la liste des retraits (<code>/api/export/removed.json</code>), avec le nom du
        jeton utilisé et ce qui a été transmis. Seule l’offre validée et diffusée est transmise.
      </p>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-700">Aucune transmission pour l’instant.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Transmissions, les plus récentes d’abord</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">Date</th>
                <th scope="col" className="py-2 pr-4">Flux</th>
                <th scope="col" className="py-2 pr-4">Jeton</th>
                <th scope="col" className="py-2 pr-4">Depuis le</th>
                <th scope="col" className="py-2 pr-4">État</th>
                <th scope="col" className="py-2 pr-4 text-right">Formations</th>
                <th scope="col" className="py-2 pr-4 text-right">Sessions</th>
                <th scope="col" className="py-2 text-right">Retraits</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">{formatDateTime(row.startedAt)}</td>
                  <td className="py-2 pr-4">{FEEDS[row.feed] ?? row.feed}</td>
                  <td className="py-2 pr-4 font-mono">{row.tokenName}</td>
                  <td className="py-2 pr-4">{row.since ? formatLongDate(row.since) : "Toute l’offre"}</td>
                  <td className="py-2 pr-4">
                    <span className={`rounded px-2 py-0.5 font-medium ${STATUS[row.status]?.tone ?? ""}`}>{STATUS[row.status]?.label ?? row.status}</span>
                  </td>
                  <td className="py-2 pr-4 text-right">{row.feed === "lheo" ? number(row.formations) : "—"}</td>
                  <td className="py-2 pr-4 text-right">{row.feed === "lheo" ? number(row.sessions) : "—"}</td>
                  <td className="py-2 text-right">{row.feed === "removed" ? number(row.removed) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === TRANSMISSIONS_PAGE && (
        <p className="mt-6">
          <Link href={`/gestion/transmissions?avant=${rows.at(-1)!.id}`} className="text-brand-700 underline">
            Transmissions plus anciennes
          </Link>
        </p>
      )}
    </>
  );
}
