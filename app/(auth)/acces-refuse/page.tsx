import type { Metadata } from "next";
import Forbidden from "@/app/forbidden";
import { GeneratedAtRunTime } from "@/components/generated-at-run-time";

export const metadata: Metadata = { title: "Accès refusé", robots: { index: false } };

/**
 * Where proxy.ts sends, with a 403, a signed-in user who opens another role's area. Generated at
 * run time, not by the build, so that its scripts carry a nonce (components/generated-at-run-time.tsx;
 * not in app/forbidden.tsx, which every route renders as its boundary).
 */
export default function AccessRefusedPage() {
  return (
    <>
      <Forbidden />
      <GeneratedAtRunTime />
    </>
  );
}
