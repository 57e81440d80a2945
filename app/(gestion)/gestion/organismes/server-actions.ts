"use server";

import { createOrganisationWithUser } from "@/db/queries/organisations-admin";
import type { CodesState } from "@/app/(gestion)/gestion/comptes/server-actions";
import { SERVER_ACTIONS } from "@/lib/auth/permissions";
import { authorizedAction } from "@/lib/auth/safe-action";
import { newOrganisationSchema } from "@/lib/validations/accounts";

/**
 * « Créer l’organisme »: the organisation and its first user, whose temporary codes the page shows
 * once. It is not diffused before staff approve its first dossier (R8).
 */
export const createOrganisation = authorizedAction(SERVER_ACTIONS.createOrganisation, newOrganisationSchema, async (values, user): Promise<CodesState & { organisationId?: string }> => {
  const { organisationId, identifier, password, displayName } = await createOrganisationWithUser({ values, actor: user });
  return { ok: true, organisationId, codes: { identifier, password, displayName } };
});
