import type { Metadata } from "next";
import Link from "next/link";
import { ResendButton } from "@/app/(gestion)/gestion/courriels/resend-button";
import { Notice } from "@/components/ui/notice";
import { listMails } from "@/db/queries/mail";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Courriels" };

const STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: "En attente d’envoi", tone: "bg-slate-100 text-slate-800" },
  sending: { label: "En cours d’envoi", tone: "bg-sky-100 text-sky-900" },
  sent: { label: "Envoyé", tone: "bg-green-100 text-green-900" },
  failed: { label: "Échec", tone: "bg-red-100 text-red-900" },
  kept: { label: "Conservé (pas de serveur de courrier)", tone: "bg-amber-100 text-amber-900" },
};

/**
 * Every mail the product queued, newest first, with its full text: the demo has no mail server
 * (no SMTP_URL), so this is where its mails can be read; in production, where failures show.
 */
export default async function MailsPage({ searchParams }: PageProps<"/gestion/courriels">) {
  await requirePageUser(["admin"], "/gestion/courriels");
  const { avant, renvoye } = await searchParams;
  const before = typeof avant === "string" && /^\d{1,15}$/.test(avant) ? Number(avant) : undefined;
  const mails = await listMails({ before });
  return (
    <>
      <h1 className="text-2xl font-semibold">Courriels</h1>
      <p className="mt-2 text-slate-700">
        {serverEnv().SMTP_URL
          ? "Les courriels partent par le serveur de courrier configuré (SMTP_URL). Un courriel en échec après cinq essais peut être renvoyé."
          : "Aucun serveur de courrier n’est configuré (SMTP_URL) : les courriels sont conservés ici, avec leur texte complet."}
      </p>
      {renvoye && <Notice tone="success" className="mt-4">Le courriel est de nouveau dans la file d’envoi.</Notice>}
      {mails.length === 0 ? (
        <p className="mt-6 text-slate-700">Aucun courriel.</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap items-center gap-3">
                <span className={`rounded px-2 py-0.5 font-medium ${STATUS[mail.status]?.tone ?? ""}`}>{STATUS[mail.status]?.label ?? mail.status}</span>
                <span className="font-medium">{mail.subject}</span>
              </div>
              <p className="mt-1 text-slate-700">
                À {mail.toAddress}, le {formatDateTime(mail.createdAt)}
                {mail.sentAt && <>, envoyé le {formatDateTime(mail.sentAt)}</>}
                {mail.attempts > 0 && <> ({mail.attempts} essai{mail.attempts > 1 ? "s" : ""})</>}
              </p>
              {mail.lastError && <p className="mt-1 text-red-800">Dernière erreur : {mail.lastError}</p>}
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700 underline">Lire le courriel</summary>
                <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-slate-800">{mail.text}</pre>
              </details>
              {mail.status === "failed" && (
                <div className="mt-2">
                  <ResendButton mailId={mail.id} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mails.length === 50 && (
        <p className="mt-6">
          <Link href={`/gestion/courriels?avant=${mails.at(-1)!.id}`} className="text-brand-700 underline">
            Courriels plus anciens
          </Link>
        </p>
      )}
    </>
  );
}
