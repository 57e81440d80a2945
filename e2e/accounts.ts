// Demo accounts created by db/seed.ts.

export interface Account {
  identifier: string;
  password: string;
  organisation?: string;
}

export const accounts = {
  provider: {
    identifier: "btp.nancy",
    password: "Demo-Organisme-2026",
    organisation: "Bâtiment Formation Lorraine",
  },
  otherProvider: {
    identifier: "soins.metz",
    password: "Demo-Organisme-2026",
    organisation: "Institut lorrain des métiers du soin",
  },
  /** Used by the session specs only (they sign it out everywhere). */
  sessionsProvider: {
    identifier: "industrie.epinal",
    password: "Demo-Organisme-2026",
    organisation: "Centre des métiers de l’industrie des Vosges",
  },
  staff: { identifier: "carif.agent", password: "Demo-Carif-2026" },
  admin: { identifier: "carif.admin", password: "Demo-Admin-2026" },
} satisfies Record<string, Account>;
