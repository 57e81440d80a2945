"use client";

import { useState, useTransition } from "react";
import { withdrawFromValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function WithdrawButton({ actionId }: { actionId: string }) {
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
            const result = await withdrawFromValidation({ actionId });
            if (result?.message) setMessage(result.message);
          })
        }
      >
        Retirer de la validation
      </Button>
    </div>
  );
}
