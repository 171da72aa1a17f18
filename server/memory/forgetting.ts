import type { Logger } from "../logging";
import type { BackgroundQueue } from "./backgroundQueue";
import type { MemorySession } from "./memorySession";

/** One owner's memory of one companion. */
export interface ForgetScope {
  ownerId: string;
  companionId: string;
}

/** What the owner made their companion forget; told once it is committed and live sessions follow. */
export type ForgetEvent =
  | (ForgetScope & { what: "everything" })
  /** `sourceTurns`: the turns the deleted memories were made of (see MemorySession), for live conversations. */
  | (ForgetScope & { what: "memories"; sourceTurns: readonly string[] });

/**
 * How the owner ledger changes what a companion remembers while the companion may be live in a
 * room. Each change runs in order with memory's own background writes: a line recorded before it
 * is forgotten with the rest, and nothing a live session still holds (its relationship, its recent
 * turns, its unsummarised lines) is written back afterwards.
 */
export interface Forgetting {
  /** `change` removes (or replaces) everything about the owner; live sessions start over from the database. */
  everything<T>(scope: ForgetScope, change: () => Promise<T>): Promise<T>;
  /** `change` deletes memories and resolves to their source turns. */
  memories(scope: ForgetScope, change: () => Promise<readonly (string | null)[]>): Promise<void>;
  /** `change` rewrote the stored relationship (a merge import): live sessions read it again. */
  relationship<T>(scope: ForgetScope, change: () => Promise<T>): Promise<T>;
}

export interface ForgetNotices {
  forgetting: Forgetting;
  /** Calls `listener` after each committed forget; returns the unsubscribe. */
  onForgotten(listener: (event: ForgetEvent) => void): () => void;
}

/** `live(scope)`: the sessions open now for that owner and companion. */
export function createForgetting(writes: BackgroundQueue, live: (scope: ForgetScope) => MemorySession[], log: Logger): ForgetNotices {
  const listeners = new Set<(event: ForgetEvent) => void>();
  const tell = (event: ForgetEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error, ownerId: event.ownerId, companionId: event.companionId }, "a forget listener failed");
      }
    }
  };
  // The change is committed: it must not be reported as failed. The session goes on without a relationship.
  const relationshipUnread = (error: unknown) => log.error({ err: error }, "could not read the relationship again after a forget");
  /** Runs `task` as the writes queue's next turn; its result or error goes to the caller, not the queue's log. */
  const inOrder = <T>(what: string, task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      writes.push(what, () => task().then(resolve, reject));
    });

  return {
    forgetting: {
      async everything(scope, change) {
        const result = await inOrder("forget everything", async () => {
          const outcome = await change();
          await Promise.all(live(scope).map((session) => session.forgetEverything().catch(relationshipUnread)));
          return outcome;
        });
        tell({ ...scope, what: "everything" });
        return result;
      },
      async memories(scope, change) {
        const sourceTurns = await inOrder("forget memories", async () => {
          const turns = (await change()).filter((turn): turn is string => turn !== null);
          for (const session of live(scope)) session.forgetTurns(turns);
          return turns;
        });
        tell({ ...scope, what: "memories", sourceTurns });
      },
      relationship(scope, change) {
        return inOrder("replace the relationship", async () => {
          const outcome = await change();
          await Promise.all(live(scope).map((session) => session.reloadRelationship().catch(relationshipUnread)));
          return outcome;
        });
      },
    },
    onForgotten(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
