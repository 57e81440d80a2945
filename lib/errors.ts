/** An error whose message is French, meant for the person who triggered it. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly kind: "not-found" | "conflict" | "invalid" = "invalid",
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
