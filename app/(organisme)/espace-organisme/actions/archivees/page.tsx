import type { Metadata } from "next";
import Link from "next/link";
import { listActionsForOrganisation } from "@/db/queries/actions";
import { requireProviderPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { currentDay } from "@/lib/clock";

export const metadata: Metadata = { title: "Actions archivées" };

/** Archived actions stay here with their history; each can be restored from its page. */
export default async function ArchivedActionsPage() {
  const user = await requireProviderPage("/espace-organisme/actions/archivees");
  const actions = await listActionsForOrganisation({ organisationId: user.organisationId, today: currentDay(), archived: true });
  return (
    <>
      <p className="text-sm">
        <Link href="/espace-organisme" className="text-brand-700 hover:underline">
          ← Votre espace organisme
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Actions archivées</h1>
      <p className="mt-2 text-slate-700">Elles ne sont plus sur le site. Ouvrez-en une pour la restaurer ou la dupliquer.</p>
      {actions.length === 0 ? (
        <p className="mt-6 text-slate-700">Aucune action archivée.</p>
      ) : (
        <ul className="mt-6 space-y-2">
          {actions.map((action) => (
            <li key={action.actionId} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={`/espace-organisme/actions/${action.actionId}`} className="font-medium text-brand-700 hover:underline">
                {action.title}
              </Link>
              <span className="ml-2 text-sm text-slate-600">modifiée le {formatDateTime(action.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
