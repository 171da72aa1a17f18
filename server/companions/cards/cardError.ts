/** Why a character card was refused; the message is meant for the person who sent it. */
export type CardRefusal = "invalid" | "too_large";

export class CardError extends Error {
  override name = "CardError";
  constructor(
    readonly reason: CardRefusal,
    message: string,
  ) {
    super(message);
  }
}
