// The events of the audit log, named once, with the words staff read for each (the journal, an
// organisation's history, the CSV export).

/** Every kind of entry the audit log holds: who did what, named once here. */
export type AuditEvent =
  | "action.created"
  /** Recorded on the source action; the copy has its own "action.created". */
  | "action.duplicated"
  | "action.archived"
  | "action.restored"
  | "revision.saved"
  /** Also a « mise à jour rapide » (details.quickUpdate). */
  | "revision.submitted"
  /** The provider pulled a submission back to draft (« Retirer de la validation »). */
  | "revision.withdrawn"
  | "revision.approved"
  | "revision.rejected"
  | "dossier.saved"
  | "dossier.submitted"
  | "dossier.withdrawn"
  | "dossier.approved"
  | "dossier.rejected"
  | "setting.saved"
  /** R10: staff created an organisation (its first user has its own "user.created"). */
  | "organisation.created"
  | "user.created"
  /** Staff gave the user new temporary codes; never the password itself. */
  | "user.codes-reset"
  | "user.disabled"
  | "user.enabled"
  | "user.role-changed"
  /** The user chose their password (details.forced: in place of temporary codes). */
  | "user.password-changed"
  /** R10: someone asked for a reset link by e-mail (recorded only when a link was sent). */
  | "user.password-reset-requested"
  /** R10: a reset link was used to choose a new password. */
  | "user.password-reset"
  /** « Se déconnecter de tous les appareils » (details.sessions: how many ended). */
  | "user.signed-out-everywhere"
  /** Too many failed logins: an identifier or a client address is locked for a while (details). */
  | "auth.login-locked";

/** Every event of the log, as staff read it (the filter's choices, in this order). */
export const EVENT_LABELS: Record<AuditEvent, string> = {
  "action.created": "Action créée",
  "action.duplicated": "Action dupliquée",
  "action.archived": "Action archivée",
  "action.restored": "Action restaurée",
  "revision.saved": "Brouillon d’action enregistré",
  "revision.submitted": "Action envoyée pour validation",
  "revision.withdrawn": "Action retirée de la validation",
  "revision.approved": "Action validée et publiée",
  "revision.rejected": "Action renvoyée à l’organisme",
  "dossier.saved": "Brouillon de dossier enregistré",
  "dossier.submitted": "Dossier envoyé pour validation",
  "dossier.withdrawn": "Dossier retiré de la validation",
  "dossier.approved": "Dossier validé",
  "dossier.rejected": "Dossier renvoyé à l’organisme",
  "setting.saved": "Paramètre modifié",
  "organisation.created": "Organisme créé",
  "user.created": "Compte créé",
  "user.codes-reset": "Codes d’accès réinitialisés",
  "user.disabled": "Compte désactivé",
  "user.enabled": "Compte réactivé",
  "user.role-changed": "Rôle du compte modifié",
  "user.password-changed": "Mot de passe choisi",
  "user.password-reset-requested": "Lien de nouveau mot de passe envoyé",
  "user.password-reset": "Mot de passe choisi par le lien reçu",
  "user.signed-out-everywhere": "Déconnexion de tous les appareils",
  "auth.login-locked": "Connexions bloquées après des échecs répétés",
};
