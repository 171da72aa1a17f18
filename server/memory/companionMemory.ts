import type { LanguageModel } from "../llm";
import type { Logger } from "../logging";
import type { Database } from "../storage";
import { BackgroundQueue } from "./backgroundQueue";
import type { MemoryEmbeddings } from "./embeddings";
import { storeFact } from "./facts/factStore";
import { extractFactsWithModel } from "./facts/modelFactExtraction";
import { createForgetting, type ForgetEvent, type Forgetting } from "./forgetting";
import { MemorySession } from "./memorySession";
import type { MemorySessionOptions } from "./sessionTypes";
import type { MemoryServices } from "./memoryServices";
import { linkFollowing, storeEpisode } from "./recordEpisode";
import { summariseWithModel } from "./reflection/modelSummary";
import { summariseOffline } from "./reflection/offlineSummary";
import { RelationshipTracker } from "./relationship/relationshipTracker";
import { localDate } from "./time/localCalendar";
import { ownerTimeZone } from "./time/ownerTimeZone";

export interface CompanionMemoryOptions {
  db: Database;
  log: Logger;
  /** The language model, for fact extraction and session summaries; patterns and offline summaries without it. */
  model: LanguageModel | undefined;
  /** False keeps the model out of memory work even when there is one (KINDRED_MEMORY_MODEL=off). */
  useModel: boolean;
  /** A session is summarised every this many lines, and when it ends. */
  reflectEveryLines: number;
  /** Recalled memories and facts fit within this many estimated tokens. */
  recallBudgetTokens: number;
  /** The prompt's token estimate, so memory's budget is counted the same way. */
  estimateTokens: (text: string) => number;
  embeddings?: Pick<MemoryEmbeddings, "embedQuery" | "notify" | "vectorIndex"> | undefined;
  clock?: () => Date;
}

export interface CompanionMemory {
  /**
   * Starts an owner's session with their companion: reads the relationship, records the arrival.
   * Its time zone is the one told (remembered for the owner), else the owner's last known.
   */
  open(options: MemorySessionOptions): Promise<MemorySession>;
  /** For the owner ledger: its changes reach the sessions open now (see Forgetting). */
  forgetting: Forgetting;
  /** Calls `listener` after the owner made a companion forget something; returns the unsubscribe. */
  onForgotten(listener: (event: ForgetEvent) => void): () => void;
  /** Resolves once all queued memory work has run. */
  idle(): Promise<void>;
  /** Stops model work in flight and waits for queued writes. */
  close(): Promise<void>;
}

/** Model calls waiting beyond this are dropped: extraction is a bonus, episodes are the record. */
const MODEL_QUEUE_LIMIT = 32;

/** The memory of every companion on this server. */
export function createCompanionMemory(options: CompanionMemoryOptions): CompanionMemory {
  const { db, log } = options;
  const clock = options.clock ?? (() => new Date());
  const stopping = new AbortController();
  const writes = new BackgroundQueue("memory writes", log);
  const modelWork = new BackgroundQueue("memory model work", log, MODEL_QUEUE_LIMIT);
  const model = options.useModel ? options.model : undefined;
  const embeddings = options.embeddings;
  const sessions = new Set<MemorySession>();
  const { forgetting, onForgotten } = createForgetting(
    writes,
    (scope) => {
      for (const session of sessions) if (!session.isOpen) sessions.delete(session);
      return [...sessions].filter((session) => session.scope.ownerId === scope.ownerId && session.scope.companionId === scope.companionId);
    },
    log,
  );
  // A companion's native vector index holds vectors of memories just deleted: it compares itself with the database.
  onForgotten((event) => embeddings?.vectorIndex?.forgotten(event.companionId));

  const idle = async () => {
    // Model work queues writes and writes may queue model work: wait until both stay empty.
    for (;;) {
      const [w, m] = [writes.drained(), modelWork.drained()];
      await Promise.all([w, m]);
      if (w === writes.drained() && m === modelWork.drained()) return;
    }
  };

  const services: MemoryServices = {
    db,
    clock,
    writes,
    modelWork,
    embeddings,
    recallBudgetTokens: options.recallBudgetTokens,
    reflectEveryLines: options.reflectEveryLines,
    estimateTokens: options.estimateTokens,
    async record(episode) {
      const { id, previousId } = await storeEpisode(db, episode);
      void embeddings?.notify();
      // Behind the work already queued: a line's acknowledgement and its reply come first.
      if (previousId) writes.push("link a memory with the next", () => linkFollowing(db, previousId, id));
      return { id };
    },
    async storeFact(scope, fact, sourceEpisode, at) {
      const outcome = await storeFact(db, scope, fact, sourceEpisode, at);
      if (outcome.action === "superseded") log.info({ companionId: scope.companionId, kind: fact.kind, subject: fact.subject }, "a fact about the owner changed");
    },
    extractFacts: model
      ? async (text, at, timeZone) => {
          const today = localDate(at, timeZone);
          const date = `${today.year}-${String(today.month + 1).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`;
          const outcome = await extractFactsWithModel(model, text, date, stopping.signal);
          if (outcome.ok) return outcome.facts;
          log.warn({ reason: outcome.reason }, "fact extraction by the model failed; pattern facts are kept");
          return [];
        }
      : undefined,
    summarise(lines, where, companionName, done) {
      const offline = () => summariseOffline(lines, where);
      if (!model) {
        const text = offline();
        if (text) done(text);
        return;
      }
      // Behind the writes already queued, so the lines' own model work (facts) goes first.
      writes.push("queue a session summary", async () => {
        const queued = modelWork.push("summarise a session", async () => {
          const outcome = await summariseWithModel(model, lines, companionName, stopping.signal);
          if (!outcome.ok) log.warn({ reason: outcome.reason }, "session summary by the model failed; summarised offline");
          const text = outcome.ok ? outcome.text : offline();
          if (text) done(text);
        });
        if (!queued) {
          const text = offline();
          if (text) done(text);
        }
      });
    },
    idle,
  };

  return {
    async open(told) {
      const scope = { ownerId: told.ownerId, companionId: told.companionId };
      const sessionOptions = { ...told, timeZone: await ownerTimeZone(db, writes, log, told.ownerId, told.timeZone) };
      let tracker: RelationshipTracker | undefined;
      let milestones: Awaited<ReturnType<typeof RelationshipTracker.open>>["milestones"] = [];
      try {
        ({ tracker, milestones } = await RelationshipTracker.open(db, scope, sessionOptions.ownerName, clock(), sessionOptions.timeZone));
      } catch (error) {
        // The companion still talks and remembers; only the relationship is missing this time.
        log.error({ err: error, ...scope }, "could not read the relationship");
      }
      const session = new MemorySession(services, sessionOptions, tracker);
      session.begin(milestones);
      sessions.add(session);
      return session;
    },
    forgetting,
    onForgotten,
    idle,
    async close() {
      stopping.abort();
      await idle();
    },
  };
}
