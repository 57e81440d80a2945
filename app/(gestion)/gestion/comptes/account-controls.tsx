"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { IssuedCodes } from "@/app/(gestion)/gestion/comptes/issued-codes";
import { changeAccountRole, resetAccountCodes, setAccountDisabled, type CodesState } from "@/app/(gestion)/gestion/comptes/server-actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLE_LABELS, STAFF_ACCOUNT_ROLES, type StaffAccountRole } from "@/lib/validations/accounts";

export interface ManagedAccount {
  id: string;
  displayName: string;
  role: "provider" | StaffAccountRole;
  disabled: boolean;
}

/** What the signed-in person may do to this account, decided on the server (and checked again by each action). */
export interface AccountPermissions {
  reset: boolean;
  disable: boolean;
  role: boolean;
}

type Pending = "reset" | "disable" | null;

/**
 * « Réinitialiser les codes », « Désactiver » / « Réactiver » and, for the team's accounts,
 * « Changer le rôle ». A reset or a disabling is confirmed first; new codes are shown once.
 */
export function AccountControls({ account, can }: { account: ManagedAccount; can: AccountPermissions }) {
  const router = useRouter();
  const roleId = useId();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [role, setRole] = useState(account.role === "provider" ? "staff" : account.role);
  const [result, setResult] = useState<CodesState>();
  const [pending, startTransition] = useTransition();
  // The focus follows what appears and goes (the buttons pressed go with it): the confirmation
  // when it opens, the button that opened it when it is cancelled, the outcome once it is known.
  const opener = useRef<HTMLButtonElement | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const confirmTextId = useId();
  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (result) outcome.current?.focus();
  }, [result]);
  function openConfirmation(what: Pending, button: HTMLButtonElement) {
    opener.current = button;
    setConfirming(what);
  }

  function run(call: () => Promise<CodesState>) {
    setConfirming(null);
    setResult(undefined);
    startTransition(async () => {
      const state = await call();
      setResult(state);
      if (state.ok) router.refresh();
    });
  }

  if (!can.reset && !can.disable && !can.role) return null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        {can.reset && (
          <Button variant="secondary" disabled={pending} onClick={(event) => openConfirmation("reset", event.currentTarget)}>
            Réinitialiser les codes
          </Button>
        )}
        {can.disable &&
          (account.disabled ? (
            <Button variant="secondary" disabled={pending} onClick={() => run(() => setAccountDisabled({ userId: account.id, disabled: false }))}>
              Réactiver
            </Button>
          ) : (
            <Button variant="secondary" disabled={pending} onClick={(event) => openConfirmation("disable", event.currentTarget)}>
              Désactiver
            </Button>
          ))}
        {can.role && (
          <div className="flex items-end gap-2">
            <div className="space-y-1">
              <label htmlFor={roleId} className="block text-sm font-medium text-slate-800">
                Rôle
              </label>
              <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as StaffAccountRole)} className={inputClass}>
                {STAFF_ACCOUNT_ROLES.map((code) => (
                  <option key={code} value={code}>
                    {ROLE_LABELS[code]}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" disabled={pending || role === account.role} onClick={() => run(() => changeAccountRole({ userId: account.id, role }))}>
              Changer le rôle
            </Button>
          </div>
        )}
      </div>

      {confirming && (
        <div
          ref={confirmation}
          tabIndex={-1}
          role="group"
          aria-label="Confirmation"
          aria-describedby={confirmTextId}
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 focus:outline-none"
        >
          <p id={confirmTextId}>
            {confirming === "reset"
              ? `Les codes actuels de ${account.displayName} cesseront de fonctionner et ses sessions ouvertes prendront fin. De nouveaux codes provisoires vont s’afficher une seule fois.`
              : `${account.displayName} ne pourra plus se connecter, et sa session en cours prend fin immédiatement.`}
          </p>
          <div className="flex gap-2">
            <Button
              variant={confirming === "reset" ? "primary" : "danger"}
              disabled={pending}
              onClick={() =>
                run(() => (confirming === "reset" ? resetAccountCodes({ userId: account.id }) : setAccountDisabled({ userId: account.id, disabled: true })))
              }
            >
              {confirming === "reset" ? "Oui, réinitialiser les codes" : "Oui, désactiver le compte"}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(null);
                opener.current?.focus();
              }}
            >
              Annuler
            </Button>
          </div>
        </div>
      )}

      {result && (
        <div ref={outcome} tabIndex={-1} className="space-y-3 focus:outline-none">
          {result.codes && <IssuedCodes codes={result.codes} />}
          {result.message && <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice>}
        </div>
      )}
    </div>
  );
}
