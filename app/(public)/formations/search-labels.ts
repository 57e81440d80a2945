import "server-only";
import { cacheLife } from "next/cache";
import { listPublicCodes } from "@/db/queries/reference";
import { listFormacodeFields } from "@/db/queries/search-labels";

/** The names of the Formacode fields and publics the search offers (reference lists: cached for days). */
export async function loadSearchLabels() {
  "use cache";
  cacheLife("days");
  const [fields, publics] = await Promise.all([listFormacodeFields(), listPublicCodes()]);
  return { fields, publics };
}

export type SearchLabels = Awaited<ReturnType<typeof loadSearchLabels>>;
