import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSessionUser, landingFor } from "@/lib/auth/session";

async function Dispatch(): Promise<never> {
  const user = await getSessionUser();
  redirect(landingFor(user));
}

/** Where a login lands: each role has its own home. */
export default function MySpacePage() {
  return (
    <Suspense fallback={null}>
      <Dispatch />
    </Suspense>
  );
}
