// Public pages are cached ('use cache') and tagged. Approvals, archives and the scheduled jobs
// (J+8 withdrawals, dossier expiry) refresh the tags of the pages they change; a cached page
// lives at most an hour in any case (cacheLife in the catalogue components).

export const CATALOGUE_TAG = "catalogue";
export const actionTag = (actionId: string) => `action:${actionId}`;
export const organisationTag = (organisationId: string) => `organisation:${organisationId}`;
