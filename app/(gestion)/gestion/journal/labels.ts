// How the journal says an audit entry in French, on the page and in the CSV export alike: what
// happened, who did it, on which record, with which link.

import { EVENT_LABELS, type AuditEvent } from "@/lib/audit-events";
import type { JournalEntry } from "@/db/queries/journal";
import type { UserRole } from "@/db/schema";
import { formatLongDate, parisDate, PARIS } from "@/lib/dates";
import { SETTINGS } from "@/lib/validations/settings";

export { EVENT_LABELS };

export const ROLE_LABELS: Record<UserRole, string> = {
  provider: "Organisme",
  staff: "Équipe",
  admin: "Administration",
};

const SETTING_LABELS: Record<string, string> = {
  [SETTINGS.accessContact.key]: "Contact pour les codes perdus",
  [SETTINGS.rejectionReasons.key]: "Motifs de refus",
};

const NBSP = "\u00a0";
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

/** What happened, in plain French; an event the journal does not know yet shows its code. */
export function entryLabel(entry: Pick<JournalEntry, "event" | "details">): string {
  if (entry.event === "revision.submitted" && entry.details.quickUpdate) return "Mise à jour rapide envoyée pour validation";
  if (entry.event === "dossier.submitted" && entry.details.confirmedUnchanged) return "Dossier confirmé sans modification";
  return EVENT_LABELS[entry.event as AuditEvent] ?? entry.event;
}

/** The detail worth reading next to the label: the reason of a refusal, the codes given… */
export function entryDetail(entry: Pick<JournalEntry, "event" | "details">): string | null {
  const { details } = entry;
  if (details.reason) return `Motif${NBSP}: ${details.reason}`;
  if (entry.event === "revision.approved" && details.formacodes?.length) return `Formacode${NBSP}: ${details.formacodes.join(", ")}`;
  if (entry.event === "action.created" && details.duplicatedFrom) return "Copie d’une autre action";
  if (entry.event === "action.duplicated") return "Une copie de l’action a été créée";
  const role = (value: string | undefined) => (value && value in ROLE_LABELS ? ROLE_LABELS[value as UserRole].toLowerCase() : value);
  if (entry.event === "user.role-changed" && details.from && details.to) return `De «${NBSP}${role(details.from)}${NBSP}» à «${NBSP}${role(details.to)}${NBSP}»`;
  if (entry.event === "user.password-changed" && details.forced) return "À la place des codes temporaires donnés par l’équipe";
  if (entry.event === "auth.login-locked") {
    const held = details.scope === "address" ? `l’adresse ${details.address}` : `l’identifiant ${quoted(String(details.identifier))}`;
    return `${details.failures}${NBSP}échecs en ${details.windowMinutes}${NBSP}minutes depuis ${details.scope === "address" ? "cette adresse" : `l’adresse ${details.address}`}${NBSP}: ${held} est bloqué ${details.lockedMinutes}${NBSP}minutes`;
  }
  if (entry.event === "user.signed-out-everywhere" && details.sessions !== undefined) {
    return `${details.sessions}${NBSP}connexion${details.sessions > 1 ? "s" : ""} fermée${details.sessions > 1 ? "s" : ""}`;
  }
  return null;
}

export function actorLabel(entry: Pick<JournalEntry, "actor">): string {
  if (!entry.actor) return "Traitement automatique";
  return `${entry.actor.name} (${ROLE_LABELS[entry.actor.role].toLowerCase()})`;
}

/** The record the entry is about, and where staff open it (null: no page for it). */
export function entryRecord(entry: JournalEntry): { label: string; href: string | null } {
  const organisationHref = entry.organisation ? `/gestion/organismes/${entry.organisation.id}` : null;
  if (entry.entityType === "action") {
    const label = entry.action ? `Action ${quoted(entry.action.title)}` : "Action supprimée";
    // Staff open what was sent, never a draft the provider is still writing.
    const href = entry.revision && entry.revision.status !== "draft" ? `/gestion/validation/${entry.revision.id}` : organisationHref;
    return { label, href };
  }
  if (entry.entityType === "organisation") {
    const name = entry.organisation?.name ?? "organisme inconnu";
    if (entry.details.dossierId && entry.event !== "dossier.saved") {
      return { label: `Dossier de ${name}`, href: `/gestion/dossiers/${entry.details.dossierId}` };
    }
    return { label: entry.event.startsWith("dossier.") ? `Dossier de ${name}` : name, href: organisationHref };
  }
  if (entry.entityType === "user") {
    const label = entry.account ? `Compte de ${entry.account.name}` : "Compte supprimé";
    return { label, href: entry.account?.role === "provider" ? organisationHref : null };
  }
  if (entry.entityType === "login") {
    return { label: entry.details.scope === "address" ? `Adresse ${entry.entityId}` : `Identifiant ${quoted(entry.entityId)} (aucun compte)`, href: null };
  }
  if (entry.entityType === "setting") return { label: `Paramètre ${quoted(SETTING_LABELS[entry.entityId] ?? entry.entityId)}`, href: null };
  return { label: `${entry.entityType} ${entry.entityId}`, href: null };
}

const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });

/** « lundi 1 mars 2027 à 14:05 », in Paris time. */
export function formatEntryTime(at: Date): string {
  return `${formatLongDate(parisDate(at))} à ${timeFormat.format(at)}`;
}
