import type { Path, UseFormReturn } from "react-hook-form";
import type { ActionContent, ActionFormValues } from "@/lib/validations/action";

/** The action form's react-hook-form handle, passed to each section. */
export type ActionFormApi = UseFormReturn<ActionFormValues, unknown, ActionContent>;
export type ActionPath = Path<ActionFormValues>;

/** A number of hours as typed, or 0 while it is not one: for the sums shown beside the fields. */
export function hoursTyped(value: unknown): number {
  if (typeof value === "number") return value;
  return /^\s*\d+\s*$/.test(String(value ?? "")) ? Number(value) : 0;
}
