/** Why an avatar upload or operation was refused; the message is meant for the uploader. */
export type AvatarRefusal = "invalid_file" | "too_large" | "not_found" | "not_owner" | "in_use";

export class AvatarError extends Error {
  override name = "AvatarError";
  constructor(
    readonly reason: AvatarRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** A refusal of the file itself: what is wrong with it, in the uploader's terms. */
export function invalidFile(message: string): AvatarError {
  return new AvatarError("invalid_file", message);
}

/** Sizes in messages, in SI megabytes (what file managers show): "40.2 MB", "32 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;
}

export function tooLarge(bytes: number, maxBytes: number): AvatarError {
  return new AvatarError("too_large", `file is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(maxBytes)}`);
}
