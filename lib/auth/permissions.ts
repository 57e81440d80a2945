// Who may call what: every server action, every route handler and every cached function (which
// Next.js also exposes as a server reference) is declared here, once, with the roles that may call
// it and the ownership rule it applies. Server actions take their permission from here
// (`authorizedAction(SERVER_ACTIONS.x, …)`); app/authorization-matrix.test.ts finds every one of
// them in the source, fails on any that is not declared, and calls each as anonymous, provider of
// another organisation, provider of the right organisation, staff, admin and disabled user.

import type { UserRole } from "@/db/schema";

export type Ownership =
  /** The input names an action, a revision or a session: only its organisation's providers, others are told it does not exist. */
  | "organisation"
  /** Acts on the caller's own organisation (its dossier, a new action): nothing in the input can name another. */
  | "own-organisation"
  /** Acts on the caller's own account. */
  | "own-account"
  /** Staff work on every organisation. */
  | "any-organisation"
  /** No session: what the form carries (identifier and password, a reset link) is the proof. */
  | "credentials"
  /** Ends the session of the browser that calls it, if it has one: nothing to prove, nothing else reached. */
  | "own-browser";

export interface SessionPermission {
  roles: readonly UserRole[];
  ownership: Exclude<Ownership, "credentials" | "own-browser">;
  /** R10: the one thing a person signed in with temporary codes may do. */
  duringPasswordChange?: boolean;
}

export interface PublicPermission {
  roles: "anyone";
  ownership: "credentials" | "own-browser";
}

export type Permission = SessionPermission | PublicPermission;

const PROVIDER = ["provider"] as const satisfies readonly UserRole[];
const STAFF = ["staff", "admin"] as const satisfies readonly UserRole[];
const ADMIN = ["admin"] as const satisfies readonly UserRole[];
const SIGNED_IN = ["provider", "staff", "admin"] as const satisfies readonly UserRole[];

const provider = (ownership: "organisation" | "own-organisation"): SessionPermission => ({ roles: PROVIDER, ownership });
const staff: SessionPermission = { roles: STAFF, ownership: "any-organisation" };
const admin: SessionPermission = { roles: ADMIN, ownership: "any-organisation" };
const anyone: PublicPermission = { roles: "anyone", ownership: "credentials" };

/** Every exported function of a 'use server' file, by its (unique) name. */
export const SERVER_ACTIONS = {
  // app/(auth)/connexion, mot-de-passe-oublie, mot-de-passe
  login: anyone,
  requestReset: anyone,
  completeReset: anyone,
  changePassword: { roles: SIGNED_IN, ownership: "own-account", duringPasswordChange: true },
  // app/(auth)/server-actions: « Se déconnecter » in every page's header, signed in or not any more
  logout: { roles: "anyone", ownership: "own-browser" },
  // app/(auth)/mon-compte: « Se déconnecter de tous les appareils »
  signOutEverywhere: { roles: SIGNED_IN, ownership: "own-account", duringPasswordChange: true },
  // app/(organisme)/espace-organisme/actions
  saveDraft: provider("organisation"),
  submitForValidation: provider("organisation"),
  withdrawFromValidation: provider("organisation"),
  sendQuickUpdate: provider("organisation"),
  duplicate: provider("organisation"),
  archive: provider("organisation"),
  restore: provider("organisation"),
  // app/(organisme)/espace-organisme/actions/importer: formations of the caller's own SIRET only
  readLheoFile: provider("own-organisation"),
  importLheoBatch: provider("own-organisation"),
  // app/(organisme)/espace-organisme/dossier
  saveDossierDraft: provider("own-organisation"),
  submitDossier: provider("own-organisation"),
  withdrawDossierFromValidation: provider("own-organisation"),
  confirmDossierUpToDate: provider("own-organisation"),
  // app/(gestion)/gestion/validation and dossiers
  approveSubmission: staff,
  approveMinorSubmission: staff,
  rejectSubmission: staff,
  approveDossierSubmission: staff,
  rejectDossierSubmission: staff,
  // app/(gestion)/gestion/organismes, comptes, parametres, courriels
  createOrganisation: staff,
  resetAccountCodes: staff,
  setAccountDisabled: staff,
  changeAccountRole: admin,
  createTeamAccount: admin,
  saveAccessContact: admin,
  saveRejectionReasons: admin,
  resendMail: admin,
} as const satisfies Record<string, Permission>;

export type ServerActionName = keyof typeof SERVER_ACTIONS;

export type RouteAccess =
  | { caller: "anyone"; changesState: false }
  /** Scheduled jobs: `Authorization: Bearer $CRON_SECRET`, whoever is signed in. */
  | { caller: "cron-secret"; changesState: true }
  /** Transmission feeds: a receiver's token (EXPORT_TOKENS); each call is recorded. */
  | { caller: "export-token"; changesState: true }
  | { caller: "session"; roles: readonly UserRole[]; changesState: false }
  /** Auth.js's own handler (sign-in with the CSRF token, sign-out), covered by the login end-to-end spec. */
  | { caller: "auth.js"; changesState: true };

const publicRead = { caller: "anyone", changesState: false } as const;
const cron = { caller: "cron-secret", changesState: true } as const;
const feed = { caller: "export-token", changesState: true } as const;

/** Every route handler, by file and method. */
export const ROUTE_HANDLERS: Record<string, Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteAccess>>> = {
  "app/(auth)/api/auth/[...nextauth]/route.ts": { GET: { caller: "auth.js", changesState: true }, POST: { caller: "auth.js", changesState: true } },
  "app/(gestion)/gestion/journal/export.csv/route.ts": { GET: { caller: "session", roles: STAFF, changesState: false } },
  "app/api/cron/expire-dossiers/route.ts": { GET: cron },
  "app/api/cron/refresh-cache/route.ts": { POST: cron },
  "app/api/cron/reorder-search/route.ts": { GET: cron },
  "app/api/cron/send-mail/route.ts": { GET: cron },
  "app/api/cron/staff-digest/route.ts": { GET: cron },
  "app/api/cron/withdraw-sessions/route.ts": { GET: cron },
  "app/api/export/actions.csv/route.ts": { GET: publicRead },
  "app/api/export/actions.json/route.ts": { GET: publicRead },
  "app/api/export/lheo.xml/route.ts": { GET: feed },
  "app/api/export/removed.json/route.ts": { GET: feed },
  "app/.well-known/security.txt/route.ts": { GET: publicRead },
  "app/api/health/route.ts": { GET: publicRead },
  "app/api/reference/communes/route.ts": { GET: publicRead },
  "app/api/reference/formacodes/route.ts": { GET: publicRead },
  "app/api/reference/nsf/route.ts": { GET: publicRead },
  "app/api/reference/rome/route.ts": { GET: publicRead },
};

/**
 * Every 'use cache' function, by file: public reads, callable by anyone with any arguments, that
 * write nothing and take nothing that decides diffusion (app/public-cache.test.ts).
 */
export const CACHED_FUNCTIONS: Record<string, readonly string[]> = {
  "components/catalogue/cached-reads.ts": [
    "loadDiffusedActions",
    "loadAction",
    "loadOrganisation",
    "loadSelection",
    "loadSearch",
    "loadDiffusionCounts",
    "loadDiffusedAddresses",
  ],
  "components/catalogue/build-phase.ts": ["RevalidatedAfterBuild"],
  "app/(public)/formations/search-labels.ts": ["loadSearchLabels"],
};
