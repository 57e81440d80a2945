import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { loadDiffusedAddresses } from "@/components/catalogue/cached-reads";
import { appUrl } from "@/lib/urls";

// Built at request time (the build reads no database), from a cached read refreshed with the
// public pages: exactly the actions and organisations diffused today.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { actions, organisations } = await loadDiffusedAddresses();
  return [
    { url: appUrl("/"), changeFrequency: "daily", priority: 1 },
    { url: appUrl("/formations"), changeFrequency: "daily", priority: 0.9 },
    ...actions.map((a) => ({ url: appUrl(`/formations/${a.slug}`), lastModified: a.publishedAt, changeFrequency: "weekly" as const, priority: 0.8 })),
    ...organisations.map((o) => ({ url: appUrl(`/organismes/${o.slug}`), lastModified: o.updatedAt, changeFrequency: "monthly" as const, priority: 0.5 })),
  ];
}
