import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/status-badge";
import { listActionsForOrganisation } from "@/db/queries/actions";
import { requireProviderPage } from "@/lib/auth/session";
import { formatDateTime, parisDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Vos actions de formation" };

export default async function ProviderHomePage() {
  const user = await requireProviderPage("/espace-organisme");
  const actions = await listActionsForOrganisation({ organisationId: user.organisationId, today: parisDate() });
  const drafts = actions.filter((a) => a.status === "draft").length;
  const dossierExpired = actions.length > 0 && !actions[0]!.dossierValid;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Vos actions de formation</h1>
        <ButtonLink href="/espace-organisme/actions/nouvelle">Nouvelle action</ButtonLink>
      </div>
      {dossierExpired && (
        <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Le dossier de votre organisme a été validé il y a plus de 12 mois, ou ne l’a jamais été&nbsp;: vos actions ne
          sont plus en ligne. Elles le seront de nouveau dès que le centre aura validé votre dossier.
        </p>
      )}
      {drafts > 0 && (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {drafts === 1
            ? "Une action est enregistrée en brouillon et n’a pas été envoyée : l’équipe du centre ne la voit pas encore."
            : `${drafts} actions sont enregistrées en brouillon et n’ont pas été envoyées : l’équipe du centre ne les voit pas encore.`}
        </p>
      )}
      {actions.length === 0 ? (
        <p className="mt-6 text-slate-700">Vous n’avez encore saisi aucune action. Commencez par « Nouvelle action ».</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                <th scope="col" className="px-4 py-2 font-medium">État</th>
                <th scope="col" className="px-4 py-2 font-medium">Dernière modification</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.actionId} className="border-t border-slate-200 align-top">
                  <td className="px-4 py-3">
                    <Link href={`/espace-organisme/actions/${action.actionId}`} className="font-medium text-brand-700 hover:underline">
                      {action.title}
                    </Link>
                    {action.publishedSlug && action.online && action.status !== "approved" && (
                      <p className="mt-1 text-slate-600">La version publiée reste en ligne jusqu’à la validation de la nouvelle version.</p>
                    )}
                    {action.publishedSlug && !action.online && action.dossierValid && (
                      <p className="mt-1 text-amber-900">
                        Hors ligne&nbsp;: aucune session à venir. Ajoutez une session pour que l’action soit de nouveau publiée.
                      </p>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={action.status} />
                    {action.status === "rejected" && action.rejectionReason && (
                      <p className="mt-1 text-red-900">Motif du refus : {action.rejectionReason}</p>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-700">{formatDateTime(action.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
