/** One owner's memory of one companion: every ledger query is limited to it. */
export interface OwnerScope {
  ownerId: string;
  companionId: string;
}
