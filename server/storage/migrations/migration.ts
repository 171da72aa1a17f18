/** One schema change. Versions only grow; a shipped migration is never edited, only followed. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run once, inside the migration transaction. */
  up: string;
}
