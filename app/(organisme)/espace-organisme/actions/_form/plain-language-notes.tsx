"use client";

import type { PlainLanguageIssue } from "@/lib/plain-language/check";

/**
 * The plain-language checker's findings for one field (R3), shown in the field's accessible
 * description: each with its suggestion to accept in one click, or a button to dismiss it.
 */
export function PlainLanguageNotes({
  issues,
  onApply,
  onDismiss,
}: {
  issues: PlainLanguageIssue[];
  onApply: (issue: PlainLanguageIssue) => void;
  onDismiss: (issue: PlainLanguageIssue) => void;
}) {
  if (issues.length === 0) return null;
  return (
    <ul className="mt-1 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {issues.map((issue) => (
        <li key={`${issue.key}@${issue.index}`} className="space-y-1">
          <p className={issue.severity === "blocking" ? "font-medium text-red-800" : undefined}>{issue.message}</p>
          <p className="flex flex-wrap gap-2">
            {issue.suggestion && (
              <button
                type="button"
                className="rounded border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100"
                onClick={() => onApply(issue)}
              >
                Remplacer par « {issue.suggestion} »
              </button>
            )}
            {issue.severity === "warning" && (
              <button type="button" className="rounded px-2 py-1 underline hover:bg-amber-100" onClick={() => onDismiss(issue)}>
                Ignorer<span className="sr-only"> la remarque sur « {issue.match} »</span>
              </button>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
