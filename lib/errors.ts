/**
 * An error whose message is French, meant for the person who triggered it. `errors` points at
 * the fields to fix (by path, as the forms name them) when the problem is in what was typed.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly kind: "not-found" | "conflict" | "invalid" = "invalid",
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
