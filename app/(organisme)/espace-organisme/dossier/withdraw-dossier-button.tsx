"use client";

import { useState, useTransition } from "react";
import { withdrawDossierFromValidation } from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function WithdrawDossierButton() {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {message && <Notice tone="error">{message}</Notice>}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await withdrawDossierFromValidation({});
            if (result?.message) setMessage(result.message);
          })
        }
      >
        Retirer de la validation
      </Button>
    </div>
  );
}
