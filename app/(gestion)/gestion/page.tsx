import { JobRuns } from "@/app/(gestion)/gestion/job-runs";
import type { Metadata } from "next";
import Link from "next/link";
import { loadDiffusionCounts } from "@/components/catalogue/cached-reads";
import { WeeklyChart } from "@/components/charts/weekly-chart";
import { CHART_WEEKS, getOverview, type Overview } from "@/db/queries/overview";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { addDays, formatDateTime, formatLongDate, parisDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { DOSSIER_REMINDER_DAYS, WITHDRAWAL_DAYS_AFTER_START } from "@/lib/diffusion";

export const metadata: Metadata = { title: "Tableau de bord" };

const linkClass = "font-medium text-brand-700 hover:underline";
const cardClass = "rounded-lg border border-slate-200 bg-white p-4";

/** « 0 action », « 1 action », « 12 500 actions »: French keeps the singular for 0 and 1. */
function count(value: number, singular: string, plural: string): string {
  return `${value.toLocaleString("fr-FR")}\u00a0${value > 1 ? plural : singular}`;
}

function daysSince(at: Date, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(parisDate(at))) / 86_400_000));
}

function Waiting({ label, none, item, today }: { label: [string, string]; none: string; item: Overview["queue"]["actions"]; today: string }) {
  if (item.count === 0) return <p>{none}</p>;
  const age = item.oldest ? daysSince(item.oldest, today) : 0;
  return (
    <p>
      <strong className="text-lg">{count(item.count, label[0], label[1])}</strong> en attente
      {item.oldest && (
        <>
          &nbsp;; le plus ancien envoi date du {formatDateTime(item.oldest)} ({age === 0 ? "aujourd’hui" : `il y a ${count(age, "jour", "jours")}`}).
        </>
      )}
    </p>
  );
}

const shortWeek = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "short" });

export default async function StaffHomePage() {
  await requirePageUser(STAFF_ROLES, "/gestion");
  const today = currentDay();
  const [overview, diffused] = await Promise.all([getOverview({ today }), loadDiffusionCounts()]);
  const { queue, decisions, expiringDossiers, weeks } = overview;
  const submissions = weeks.map((w) => w.submissions);
  const decided = weeks.map((w) => w.decisions);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  return (
    <>
      <h1 className="text-2xl font-semibold">Tableau de bord</h1>
      <p className="mt-2 text-slate-700">Aujourd’hui, {formatLongDate(today)}.</p>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="a-valider" className={cardClass}>
          <h2 id="a-valider" className="text-lg font-semibold">À valider</h2>
          <div className="mt-2 space-y-2 text-slate-800">
            <Waiting label={["action de formation", "actions de formation"]} none="Aucune action de formation en attente." item={queue.actions} today={today} />
            <Waiting label={["dossier d’organisme", "dossiers d’organisme"]} none="Aucun dossier d’organisme en attente." item={queue.dossiers} today={today} />
          </div>
          <p className="mt-3">
            <Link href="/gestion/validation" className={linkClass}>Ouvrir la liste à valider</Link>
          </p>
        </section>

        <section aria-labelledby="decisions" className={cardClass}>
          <h2 id="decisions" className="text-lg font-semibold">Décisions de la semaine</h2>
          <p className="mt-1 text-sm text-slate-600">Depuis le {formatLongDate(overview.weekStart)}.</p>
          <ul className="mt-2 space-y-1 text-slate-800">
            <li>{count(decisions.actionsApproved, "action validée", "actions validées")}, {count(decisions.actionsRejected, "renvoyée", "renvoyées")} à l’organisme</li>
            <li>{count(decisions.dossiersApproved, "dossier validé", "dossiers validés")}, {count(decisions.dossiersRejected, "renvoyé", "renvoyés")} à l’organisme</li>
          </ul>
        </section>

        <section aria-labelledby="diffusion" className={cardClass}>
          <h2 id="diffusion" className="text-lg font-semibold">En ligne aujourd’hui</h2>
          <ul className="mt-2 space-y-1 text-slate-800">
            <li>{count(diffused.actions, "action diffusée", "actions diffusées")} sur le site et dans le flux</li>
            <li>{count(diffused.sessions, "session diffusée", "sessions diffusées")}</li>
            <li>
              {count(diffused.sessionsWithdrawnThisWeek, "session retirée", "sessions retirées")} cette semaine, {WITHDRAWAL_DAYS_AFTER_START}&nbsp;jours après leur début
            </li>
          </ul>
        </section>

        <section aria-labelledby="echeances" className={cardClass}>
          <h2 id="echeances" className="text-lg font-semibold">Dossiers qui arrivent à échéance</h2>
          <p className="mt-1 text-sm text-slate-600">Dans les {DOSSIER_REMINDER_DAYS}&nbsp;jours&nbsp;: sans nouvelle validation, l’organisme et ses actions seront retirés du site.</p>
          {expiringDossiers.length === 0 ? (
            <p className="mt-2 text-slate-800">Aucun dossier n’arrive à échéance.</p>
          ) : (
            <ul className="mt-2 max-h-80 space-y-2 overflow-y-auto text-sm text-slate-800">
              {expiringDossiers.map((d) => (
                <li key={d.organisationId}>
                  <Link href={`/gestion/organismes/${d.organisationId}`} className={linkClass}>{d.name}</Link>
                  <br />
                  Valable jusqu’au {formatLongDate(addDays(d.expiryDate, -1))}
                  {d.renewalSentAt ? `\u00a0; renouvellement envoyé le ${formatDateTime(d.renewalSentAt)}, à valider` : "\u00a0; aucun renouvellement envoyé"}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="semaines" className={`mt-6 ${cardClass}`}>
        <h2 id="semaines" className="text-lg font-semibold">Envois et décisions par semaine</h2>
        <p className="mt-1 text-sm text-slate-600">Actions et dossiers, sur les {CHART_WEEKS}&nbsp;dernières semaines (la dernière est en cours).</p>
        <div className="mt-3">
          <WeeklyChart
            id="chart-weeks"
            title={`Envois pour validation et décisions, par semaine, sur les ${CHART_WEEKS} dernières semaines`}
            description={`En tout ${count(sum(submissions), "envoi", "envois")} et ${count(sum(decided), "décision", "décisions")}. Cette semaine\u00a0: ${count(submissions.at(-1) ?? 0, "envoi", "envois")} et ${count(decided.at(-1) ?? 0, "décision", "décisions")}.`}
            weeks={weeks.map((w) => ({ short: shortWeek.format(new Date(`${w.weekStart}T00:00:00Z`)), long: `Semaine du ${formatLongDate(w.weekStart)}` }))}
            series={[
              { name: "Envois pour validation", values: submissions },
              { name: "Décisions (validées ou renvoyées)", values: decided },
            ]}
          />
        </div>
      </section>

      <JobRuns className={`mt-6 ${cardClass}`} />
    </>
  );
}
