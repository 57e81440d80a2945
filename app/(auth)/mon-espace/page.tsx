import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSessionUser, homeFor } from "@/lib/auth/session";

async function Dispatch(): Promise<never> {
  const user = await getSessionUser();
  redirect(user ? homeFor(user) : "/connexion");
}

/** Where a login lands: each role has its own home. */
export default function MySpacePage() {
  return (
    <Suspense fallback={null}>
      <Dispatch />
    </Suspense>
  );
}
