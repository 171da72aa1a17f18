/** Why a companion operation was refused; the message is meant for the caller. */
export type CompanionRefusal = "not_found" | "not_owner" | "invalid_persona" | "version_conflict";

export class CompanionError extends Error {
  override name = "CompanionError";
  constructor(
    readonly reason: CompanionRefusal,
    message: string,
  ) {
    super(message);
  }
}
