// The public pages are served as cached HTML, tagged by the cached reads they use
// (components/catalogue/cached-reads.ts). Every one of them carries CATALOGUE_TAG, so refreshing
// it — as each approval, withdrawal, archive, dossier decision and scheduled job (J+8
// withdrawals, dossier expiry) does — renders every public page again at its next request. The
// action and organisation tags name what changed, for callers that only need those pages; a
// cached page lives at most an hour in any case (PUBLIC_CACHE_LIFE).

export const CATALOGUE_TAG = "catalogue";
export const actionTag = (actionId: string) => `action:${actionId}`;
export const organisationTag = (organisationId: string) => `organisation:${organisationId}`;
