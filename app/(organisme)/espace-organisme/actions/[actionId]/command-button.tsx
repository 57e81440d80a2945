"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/auth/safe-action";

/**
 * A one-click command on an action (« Retirer de la validation », « Dupliquer », « Archiver »,
 * « Restaurer »): calls its server action, which redirects on success; a refusal is shown here.
 * With `confirmation`, the browser asks first.
 */
export function CommandButton({
  command,
  actionId,
  label,
  variant = "secondary",
  confirmation,
}: {
  command: (input: { actionId: string }) => Promise<ActionState | void>;
  actionId: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  confirmation?: string;
}) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      {message && <Notice tone="error">{message}</Notice>}
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirmation && !window.confirm(confirmation)) return;
          startTransition(async () => {
            const result = await command({ actionId });
            if (result?.message) setMessage(result.message);
          });
        }}
      >
        {label}
      </Button>
    </div>
  );
}
