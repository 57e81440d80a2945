// Public addresses and query values are untrusted input: a visitor (or anyone POSTing a cached
// function's server reference) may send anything. These schemas decide what reaches a query;
// whatever fails them is answered « page introuvable », never an error.

import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/slug";
import { safeString, wholeNumber } from "@/lib/validations/fields";
import { z } from "@/lib/validations/zod";

/** Slugs are written by lib/slug.ts: lower-case words of ASCII letters and digits joined by dashes. */
export const publicSlugSchema = safeString().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);

/** A counsellor's selection, sent as a link: `?ids=<uuid>,<uuid>…` (at most SELECTION_MAX). */
export const SELECTION_MAX = 50;
const actionIdSchema = z.uuid().transform((id) => id.toLowerCase());
export const selectionIdsSchema = z
  .array(actionIdSchema)
  .min(1)
  .max(SELECTION_MAX)
  .transform((ids) => [...new Set(ids)]);

/** The ids of `?ids=…`, read leniently: invalid or repeated entries are dropped, extra ones cut. */
export function selectionIdsFromQuery(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  const ids = text
    .slice(0, SELECTION_MAX * 40)
    .split(",")
    .map((id) => id.trim())
    .filter((id) => actionIdSchema.safeParse(id).success)
    .map((id) => id.toLowerCase());
  return [...new Set(ids)].slice(0, SELECTION_MAX);
}

/** How many actions a cached list may hold: the home page shows a few, the catalogue a page. */
export const listLimitSchema = wholeNumber({ min: 1, max: 200, error: "Indiquez un nombre de 1 à 200." });

/** A page number of a public list: 1 to 1000 (past the last page, the page answers 404). */
export const publicPageSchema = wholeNumber({ min: 1, max: 1000, error: "Indiquez une page de 1 à 1000." });

/** A page number as written in an address (`/organismes/x/page/2`): digits only, no leading zero. */
export function pageFromParam(value: string): number | null {
  if (!/^[1-9]\d{0,3}$/.test(value)) return null;
  const parsed = publicPageSchema.safeParse(Number(value));
  return parsed.success ? parsed.data : null;
}

/** A catalogue search's address as searchHref writes it (lib/search/params.ts). */
export const searchHrefSchema = safeString()
  .max(2000)
  .regex(/^\/formations(\?[A-Za-z0-9%._~*+=&-]+)?$/);

/**
 * The one value generateStaticParams gives the build for a public [slug] page: Cache Components
 * needs one, and the build reads no database. No slug can be written so: it renders « introuvable ».
 */
export const BUILD_PLACEHOLDER_PARAM = "_";
