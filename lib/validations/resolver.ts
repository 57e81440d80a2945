import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { Validated } from "@/lib/validations/errors";

/**
 * A react-hook-form resolver made of one of the validate functions of lib/validations, so that
 * the browser runs exactly the checks the server action runs again.
 */
export function resolverOf<Input extends FieldValues, Output>(validate: (values: unknown) => Validated<Output>): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const result = validate(values);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(result.errors)) flat[path] = { type: "validate", message };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
