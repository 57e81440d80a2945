// Public pages are cached ('use cache') and refreshed by tag when the catalogue changes.
// Until the scheduled jobs refresh them on withdrawal, a cached page lives at most an hour
// (see cacheLife in the catalogue components), so an expired session never stays visible longer.

export const CATALOGUE_TAG = "catalogue";
export const actionTag = (actionId: string) => `action:${actionId}`;
