"use client";

import { useState, useTransition } from "react";
import { signOutEverywhere } from "@/app/(auth)/mon-compte/server-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function SignOutEverywhereButton() {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {message && <Notice tone="error">{message}</Notice>}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => startTransition(async () => setMessage((await signOutEverywhere({}))?.message))}
      >
        {pending ? "Déconnexion…" : "Se déconnecter de tous les appareils"}
      </Button>
    </div>
  );
}
