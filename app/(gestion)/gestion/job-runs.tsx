import { listLastRuns } from "@/db/jobs/runner";
import { formatDateTime, formatLongDate } from "@/lib/dates";

const JOB_LABELS: Record<string, string> = {
  "withdraw-sessions": "Retrait des sessions à J+8",
  "expire-dossiers": "Échéance des dossiers et rappels",
  "send-mail": "Envoi des courriels",
  "staff-digest": "Récapitulatif hebdomadaire",
  "reorder-search": "Rangement de la recherche",
};

const COUNT_LABELS: Record<string, string> = {
  sessionsWithdrawn: "sessions retirées",
  actionsLeft: "actions hors ligne",
  organisationsChanged: "organismes changés",
  actionsChanged: "actions changées",
  remindersQueued: "rappels",
  sent: "envoyés",
  retried: "à réessayer",
  failed: "en échec",
  kept: "conservés",
  interrupted: "interrompus",
  digestsQueued: "récapitulatifs",
  rowsReordered: "formations rangées",
};

/** The last runs of each scheduled job: a failed run shows here, with its error. */
export async function JobRuns({ className }: { className: string }) {
  const jobs = await listLastRuns({ perJob: 1 });
  return (
    <section aria-labelledby="taches" className={className}>
      <h2 id="taches" className="text-lg font-semibold">
        Tâches planifiées
      </h2>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Tâche</th>
            <th scope="col" className="py-1 pr-3 font-medium">Dernière exécution</th>
            <th scope="col" className="py-1 font-medium">Résultat</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map(({ job, runs: [run] }) => (
            <tr key={job} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">{JOB_LABELS[job] ?? job}</th>
              <td className="py-2 pr-3">{run ? `${formatDateTime(run.startedAt)} (pour le ${formatLongDate(run.asOf)})` : "Jamais"}</td>
              <td className="py-2">
                {!run ? (
                  "—"
                ) : run.status === "failed" ? (
                  <span className="font-medium text-red-800">Échec : {run.error}</span>
                ) : run.status === "running" ? (
                  "En cours"
                ) : (
                  Object.entries(run.counts ?? {})
                    .map(([key, value]) => `${value} ${COUNT_LABELS[key] ?? key}`)
                    .join(", ") || "Rien à faire"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
