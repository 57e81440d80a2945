"use client";

import { useState, useTransition } from "react";
import { approveMinorSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { Button } from "@/components/ui/button";

/** « Valider » from the queue, for a change of places or recruitment only, as sent at `submittedAt`. */
export function ApproveMinorButton({ revisionId, submittedAt, title }: { revisionId: string; submittedAt: string; title: string }) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        variant="secondary"
        className="px-2 py-1"
        disabled={pending}
        aria-label={`Valider le changement de places de « ${title} »`}
        onClick={() =>
          startTransition(async () => {
            const result = await approveMinorSubmission({ revisionId, submittedAt });
            if (result?.message) setMessage(result.message);
          })
        }
      >
        Valider
      </Button>
      {message && (
        <span role="alert" className="text-red-800">
          {message}
        </span>
      )}
    </>
  );
}
