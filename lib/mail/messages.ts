// The e-mails the product sends, in plain French: short, polite, with the link to the right page.
// Pure functions: each returns the subject and a text version (always), built from what the
// caller read in the same transaction as the event.

import { formatLongDate } from "@/lib/dates";

export interface MailMessage {
  subject: string;
  text: string;
}

const SIGNATURE = "L’équipe du centre régional d’information sur la formation";

function body(lines: (string | false | null | undefined)[]): string {
  return [...lines.filter((line): line is string => typeof line === "string"), "", SIGNATURE].join("\n");
}

/** « Intitulé : avant → après » for each wording change staff made. */
export interface WordingChange {
  label: string;
  before: string;
  after: string;
}

/** Why an approved action is not online yet (lib/diffusion.ts): its organisation's dossier, or no session to come. */
export type NotOnlineYet = "dossier" | "no-session";

export function actionApproved({
  title,
  link,
  publicLink,
  notOnlineYet = null,
  changes,
}: {
  title: string;
  link: string;
  publicLink: string;
  notOnlineYet?: NotOnlineYet | null;
  changes: WordingChange[];
}): MailMessage {
  const decision = {
    online: `Votre action « ${title} » est validée et publiée\u00a0: ${publicLink}`,
    dossier: `Votre action « ${title} » est validée. Elle sera en ligne dès que le dossier de votre organisme sera validé par le centre (« Mon organisme » dans votre espace).`,
    "no-session": `Votre action « ${title} » est validée. Elle n’a aucune session à venir\u00a0: elle sera en ligne quand vous en aurez ajouté une.`,
  }[notOnlineYet ?? "online"];
  return {
    subject: `Action validée : ${title}`,
    text: body([
      "Bonjour,",
      "",
      decision,
      changes.length > 0 && "",
      changes.length > 0 && "En la validant, le centre a corrigé la rédaction :",
      ...changes.flatMap((c) => [`- ${c.label}`, `  avant : ${c.before}`, `  après : ${c.after}`]),
      "",
      `Votre action dans votre espace : ${link}`,
    ]),
  };
}

export function actionRejected({ title, reason, link }: { title: string; reason: string; link: string }): MailMessage {
  return {
    subject: `Action à corriger : ${title}`,
    text: body([
      "Bonjour,",
      "",
      `Le centre vous renvoie votre action « ${title} » pour correction :`,
      "",
      reason,
      "",
      `Corrigez-la puis envoyez-la de nouveau pour validation : ${link}`,
    ]),
  };
}

export function dossierDecided({ organisationName, approved, reason, link }: { organisationName: string; approved: boolean; reason?: string; link: string }): MailMessage {
  return approved
    ? {
        subject: "Dossier de l’organisme validé",
        text: body(["Bonjour,", "", `Le dossier de « ${organisationName} » est validé pour 12 mois.`, "", `Votre dossier : ${link}`]),
      }
    : {
        subject: "Dossier de l’organisme à corriger",
        text: body(["Bonjour,", "", `Le centre vous renvoie le dossier de « ${organisationName} » pour correction :`, "", reason ?? "", "", `Corrigez-le puis envoyez-le de nouveau : ${link}`]),
      };
}

/**
 * R8: sent 60, 30 and 7 days before the expiry, and on the day (or, missed, in the week after).
 * `daysLeft` is counted from the day it is sent: a reminder sent late says what is true then.
 */
export function dossierReminder({ organisationName, expiryDate, daysLeft, link }: { organisationName: string; expiryDate: string; daysLeft: number; link: string }): MailMessage {
  const expiry = formatLongDate(expiryDate);
  const [subject, state] =
    daysLeft > 0
      ? [`Votre dossier d’organisme arrive à échéance dans ${daysLeft} jour${daysLeft > 1 ? "s" : ""}`, `Il arrive à échéance le ${expiry}, dans ${daysLeft} jour${daysLeft > 1 ? "s" : ""}\u00a0: sans nouvelle validation, vos actions seront retirées du site et de la transmission à France Travail.`]
      : daysLeft === 0
        ? ["Votre dossier d’organisme arrive à échéance aujourd’hui", "Il arrive à échéance aujourd’hui\u00a0: sans nouvelle validation, vos actions sont retirées du site et de la transmission à France Travail."]
        : ["Votre dossier d’organisme est arrivé à échéance", `Il est arrivé à échéance le ${expiry}\u00a0: vos actions sont retirées du site et de la transmission à France Travail jusqu’à sa nouvelle validation.`];
  return {
    subject,
    text: body([
      "Bonjour,",
      "",
      `Le dossier de « ${organisationName} » doit être validé de nouveau chaque année. ${state}`,
      "",
      "Vérifiez-le et renvoyez-le ; si rien n’a changé, un clic suffit :",
      link,
    ]),
  };
}

export function passwordReset({ name, link, validUntil }: { name: string; link: string; validUntil: string }): MailMessage {
  return {
    subject: "Choisir un nouveau mot de passe",
    text: body([
      `Bonjour ${name},`,
      "",
      "Vous avez demandé à choisir un nouveau mot de passe. Ouvrez ce lien :",
      link,
      "",
      `Il ne sert qu’une fois et reste valable jusqu’à ${validUntil}.`,
      "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
    ]),
  };
}

export function staffDigest({
  queueSize,
  oldestSince,
  expiring,
  link,
}: {
  queueSize: number;
  oldestSince: string | null;
  expiring: { name: string; expiryDate: string }[];
  link: string;
}): MailMessage {
  return {
    subject: `Semaine : ${queueSize} demande${queueSize > 1 ? "s" : ""} à valider`,
    text: body([
      "Bonjour,",
      "",
      queueSize === 0 ? "Aucune demande n’attend de validation." : `${queueSize} demande${queueSize > 1 ? "s attendent" : " attend"} une validation.`,
      oldestSince && `La plus ancienne a été envoyée le ${formatLongDate(oldestSince)}.`,
      "",
      expiring.length === 0 ? "Aucun dossier d’organisme n’arrive à échéance dans les 60 jours." : "Dossiers d’organisme qui arrivent à échéance dans les 60 jours :",
      ...expiring.map((o) => `- ${o.name} : le ${formatLongDate(o.expiryDate)}`),
      "",
      `La file de validation : ${link}`,
    ]),
  };
}
