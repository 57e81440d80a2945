"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/auth/safe-action";

/**
 * A one-click command (« Retirer de la validation », « Dupliquer », « Archiver », « Se déconnecter
 * de tous les appareils »…): calls its server action with `input`; the action redirects on
 * success, and a refusal is shown above the button. With `confirmation`, the browser asks first.
 */
export function ActionButton<Input>({
  action,
  input,
  label,
  pendingLabel = label,
  variant = "secondary",
  confirmation,
}: {
  action: (input: Input) => Promise<ActionState | void>;
  input: Input;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmation?: string;
}) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {message && <Notice tone="error">{message}</Notice>}
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirmation && !window.confirm(confirmation)) return;
          startTransition(async () => {
            const result = await action(input);
            if (result?.message) setMessage(result.message);
          });
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
