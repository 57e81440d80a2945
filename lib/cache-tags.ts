// Public pages are cached ('use cache') and refreshed by tag when staff approve an action.
// Nothing refreshes them when a session passes J+8 or a dossier expires, so a cached page lives
// at most an hour (cacheLife in the catalogue components): withdrawn content never stays longer.

export const CATALOGUE_TAG = "catalogue";
export const actionTag = (actionId: string) => `action:${actionId}`;
