/** Why the owner's request was refused: nothing was changed. */
export type LedgerRefusal = "not_found" | "invalid" | "conflict";

export class LedgerError extends Error {
  constructor(
    readonly reason: LedgerRefusal,
    message: string,
  ) {
    super(message);
    this.name = "LedgerError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses an id that cannot name a row, before it reaches SQL (where it would be a type error). */
export function checkId(id: string, what: string): string {
  if (!UUID.test(id)) throw new LedgerError("not_found", `no ${what} "${id}"`);
  return id;
}
