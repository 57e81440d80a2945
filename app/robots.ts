import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { appUrl } from "@/lib/urls";

// Read at request time: the sitemap's address is the deployment's (APP_URL), not the build's.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/gestion", "/espace-organisme", "/connexion", "/mon-espace", "/mot-de-passe", "/mot-de-passe-oublie", "/mon-compte", "/acces-refuse", "/api/", "/selection"],
    },
    sitemap: appUrl("/sitemap.xml"),
  };
}
