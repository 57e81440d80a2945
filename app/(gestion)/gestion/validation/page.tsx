import type { Metadata } from "next";
import Link from "next/link";
import { z } from "@/lib/validations/zod";
import { Notice } from "@/components/ui/notice";
import { getRevisionTitle, listValidationQueue } from "@/db/queries/review";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Actions à valider" };

async function decisionMessage(params: Record<string, string | string[] | undefined>) {
  const { publiee, refusee } = params;
  const id = typeof publiee === "string" ? publiee : typeof refusee === "string" ? refusee : undefined;
  if (!id || !z.uuid().safeParse(id).success) return null;
  const title = await getRevisionTitle({ revisionId: id });
  if (!title) return null;
  return publiee ? `L’action « ${title} » est publiée.` : `L’action « ${title} » a été renvoyée à l’organisme.`;
}

export default async function ValidationQueuePage({ searchParams }: PageProps<"/gestion/validation">) {
  await requirePageUser(STAFF_ROLES, "/gestion/validation");
  const [queue, message] = await Promise.all([listValidationQueue(), searchParams.then(decisionMessage)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Actions à valider</h1>
      <p className="mt-2 text-slate-700">Les plus anciennes transmissions d’abord.</p>
      {message && <Notice tone="success" className="mt-4">{message}</Notice>}
      {queue.length === 0 ? (
        <p className="mt-6 text-slate-700">Aucune action n’attend de validation.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                <th scope="col" className="px-4 py-2 font-medium">Organisme</th>
                <th scope="col" className="px-4 py-2 font-medium">Transmise le</th>
                <th scope="col" className="px-4 py-2 font-medium">Première saisie</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.revisionId} className="border-t border-slate-200 align-top">
                  <td className="px-4 py-3">
                    <Link href={`/gestion/validation/${item.revisionId}`} className="font-medium text-brand-700 hover:underline">
                      {item.title}
                    </Link>
                    {item.isUpdate && <p className="mt-1 text-slate-600">Modification d’une action publiée</p>}
                  </td>
                  <td className="px-4 py-3">{item.organisationName}</td>
                  <td className="px-4 py-3">{item.submittedAt ? formatDateTime(item.submittedAt) : "—"}</td>
                  <td className="px-4 py-3">{formatDateTime(item.firstEnteredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
