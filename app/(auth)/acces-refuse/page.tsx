import type { Metadata } from "next";
import Forbidden from "@/app/forbidden";

export const metadata: Metadata = { title: "Accès refusé", robots: { index: false } };

/** Where proxy.ts sends, with a 403, a signed-in user who opens another role's area. */
export default Forbidden;
