"use client";

import { useState, useTransition } from "react";
import { resendMail } from "@/app/(gestion)/gestion/courriels/server-actions";
import { Button } from "@/components/ui/button";

export function ResendButton({ mailId }: { mailId: number }) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        variant="secondary"
        className="px-2 py-1"
        disabled={pending}
        onClick={() => startTransition(async () => setMessage((await resendMail({ mailId }))?.message))}
      >
        Renvoyer
      </Button>
      {message && (
        <span role="alert" className="ml-2 text-red-800">
          {message}
        </span>
      )}
    </>
  );
}
