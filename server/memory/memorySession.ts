import { randomUUID } from "node:crypto";
import type { EpisodeInput } from "./episode";
import { describeFact } from "./facts/describeFact";
import type { FactCandidate } from "./facts/fact";
import { extractFactsByPattern } from "./facts/factPatterns";
import { sharesSomethingPersonal } from "./facts/personalShare";
import { importanceOf } from "./importance";
import type { MemoryServices } from "./memoryServices";
import { fitTokenBudget } from "./recall/fitTokenBudget";
import { recallMemories } from "./recall/recallMemories";
import type { Reranked } from "./recall/rerank";
import type { SessionLine } from "./reflection/offlineSummary";
import type { Milestone } from "./relationship/milestones";
import { RelationshipTracker } from "./relationship/relationshipTracker";
import { describeWhen } from "./time/describeWhen";
import type { CompanionReply, HeardLine, LineSpeaker, MemorySessionOptions, PromptMemory } from "./sessionTypes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Recent turns are in the conversation's own history already; recall skips them. */
const RECENT_TURNS_SKIPPED = 16;
const FACTS_PER_RECALL = 4;

/**
 * One owner's time with their companion in one room, as memory sees it: every line and reply and
 * notable event becomes an episode (private to the owner), the owner's lines yield facts, the
 * relationship moves, and the session is summarised every so often and when it ends. Every write
 * is queued in the background: nothing here makes a reply wait, and a failure is only logged.
 * It also answers the mind's recall, deciding privacy by who is asking.
 */
export class MemorySession {
  private readonly id = randomUUID();
  private turn = 0;
  private ownerLines = 0;
  private readonly recentTurns: string[] = [];
  private unsummarised: { turn: number; line: SessionLine }[] = [];
  private ended = false;
  /**
   * Bumped when the owner makes the companion forget everything: work begun before (a model's
   * facts or summary still on its way) is dropped when it comes back instead of written.
   */
  private generation = 0;
  /** Milestones of a relationship read again (after a forget or an import), recorded with the next interaction. */
  private pendingMilestones: Milestone[] = [];

  constructor(
    private readonly services: MemoryServices,
    private readonly options: MemorySessionOptions,
    private relationshipTracker: RelationshipTracker | undefined,
  ) {}

  get isOpen(): boolean {
    return !this.ended;
  }

  get scope(): { ownerId: string; companionId: string } {
    return { ownerId: this.options.ownerId, companionId: this.options.companionId };
  }

  /**
   * The owner made the companion forget everything (or replaced it by an import), committed just
   * now: nothing held here from before may be written back, and the relationship is what the
   * database holds now (none: they meet anew on the next line).
   */
  async forgetEverything(): Promise<void> {
    this.generation++;
    this.recentTurns.length = 0;
    this.unsummarised = [];
    this.ownerLines = 0;
    await this.reloadRelationship();
  }

  /** Memories made of these turns were deleted: they are no longer recent, nor summarised later. */
  forgetTurns(sourceTurns: readonly string[]): void {
    const gone = new Set(sourceTurns);
    const kept = this.recentTurns.filter((turn) => !gone.has(turn));
    this.recentTurns.splice(0, this.recentTurns.length, ...kept);
    this.unsummarised = this.unsummarised.filter((entry) => !gone.has(this.turnId(entry.turn)));
  }

  /** Reads the stored relationship again; none at all while it cannot be read (nothing stale is saved). */
  async reloadRelationship(): Promise<void> {
    this.relationshipTracker = undefined;
    this.pendingMilestones = [];
    const { tracker, milestones } = await RelationshipTracker.open(this.services.db, this.scope, this.options.ownerName, this.services.clock(), this.timeZone);
    this.relationshipTracker = tracker;
    this.pendingMilestones = milestones;
  }

  /** The relationship in words for the prompt; undefined when it could not be read. */
  relationship(): string | undefined {
    return this.relationshipTracker?.describe(this.services.clock());
  }

  /** What memory offers for `query`; someone other than the owner only ever gets what they may hear. */
  async recall(query: string, context: { speakerId: string; maxItems: number }): Promise<PromptMemory[]> {
    const now = this.services.clock();
    const speakerIsOwner = context.speakerId === this.options.ownerId;
    const skipped = new Set(this.recentTurns);
    const result = await recallMemories(this.services.db, query, {
      scope: {
        ownerId: this.options.ownerId,
        companionId: this.options.companionId,
        speakerIsOwner,
        speakerId: UUID.test(context.speakerId) ? context.speakerId : undefined,
      },
      now,
      timeZone: this.timeZone,
      world: this.options.world,
      place: this.options.place(),
      candidates: Math.max(16, context.maxItems * 2),
      exclude: (memory) => memory.sourceTurn !== null && skipped.has(memory.sourceTurn),
      excludeAllowance: skipped.size,
      embeddings: this.services.embeddings,
      facts: speakerIsOwner ? FACTS_PER_RECALL : 0,
    });
    const lines: PromptMemory[] = [
      ...result.facts.map((fact) => ({ text: describeFact(fact) })),
      ...result.memories.slice(0, context.maxItems).map((memory) => ({ text: this.describeMemory(memory), when: describeWhen(memory.happenedAt, now, this.timeZone) })),
    ];
    return fitTokenBudget(lines, this.services.recallBudgetTokens, (text) => this.services.estimateTokens(text));
  }

  /**
   * Keeps the background writes (a line's facts and relationship, links, replies) off the
   * database until the returned release is called: a reply holds them while it recalls and
   * waits for its first sentence, so its queries never wait behind them.
   */
  holdWrites(): () => void {
    return this.services.writes.hold();
  }

  /**
   * A line someone said to the companion. Returns the source turn its memory is stored with, and
   * `stored`, settled once the line itself is in the database (rejected when that failed): the
   * room acknowledges a line only then, so an acknowledged line survives a crash.
   */
  heard(speaker: LineSpeaker, text: string): HeardLine {
    const at = this.services.clock();
    const generation = this.generation;
    const facts = speaker.isOwner ? extractFactsByPattern(text, at, this.timeZone) : [];
    const personal = speaker.isOwner && (facts.length > 0 || sharesSomethingPersonal(text));
    const milestones =
      speaker.isOwner && this.relationshipTracker
        ? [...this.pendingMilestones.splice(0), ...this.relationshipTracker.interact({ at, personal, startsConversation: this.ownerLines++ === 0 })]
        : [];
    const episode = this.episode(at, {
      text,
      speaker: speaker.name,
      speakerId: speaker.isOwner ? this.options.ownerId : speaker.id,
      participants: [speaker.name, this.options.companionName()],
      importance: importanceOf(text, { facts: facts.length, personal, byOwner: speaker.isOwner }),
    });
    const recorded = this.services.writes.run(() => this.services.record(episode));
    this.services.writes.push("record a heard line", async () => {
      const { id } = await recorded;
      await this.storeFacts(facts, id, at);
      if (speaker.isOwner) this.extractWithModel(text, id, at);
      // Milestones of a relationship forgotten since are not this one's.
      await this.afterInteraction(generation === this.generation ? milestones : [], at);
    });
    const stored = recorded.then(() => undefined);
    // The task above logs a failure; a caller that does not wait must not turn it into a crash.
    stored.catch(() => undefined);
    return { sourceTurn: episode.sourceTurn, stored };
  }

  /** The companion's reply (what was said of it, when cut off); returns its source turn, none when nothing was said. */
  replied(reply: CompanionReply): string | undefined {
    const gestures = reply.actions.length > 0 ? ` [${reply.actions.join(", ")}]` : "";
    const text = `${reply.text}${gestures}`.trim();
    if (!text) return undefined;
    const at = this.services.clock();
    if (reply.to.isOwner) this.relationshipTracker?.feel(reply.emotion, at);
    const name = this.options.companionName();
    const episode = this.episode(at, { text, speaker: name, participants: [name, reply.to.name], emotion: reply.emotion, interrupted: reply.interrupted, importance: 0.3 });
    this.services.writes.push("record a reply", async () => {
      await this.services.record(episode);
    });
    return episode.sourceTurn;
  }

  /** Something notable happened in the world (an arrival, a portal, a gesture). */
  noted(text: string, importance = 0.4): void {
    const episode = this.episode(this.services.clock(), { text, participants: [this.options.ownerName, this.options.companionName()], importance });
    this.services.writes.push("record an event", async () => {
      await this.services.record(episode);
    });
  }

  /** The owner left: the session is summarised and the relationship saved. Resolves when that is written. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.reflect();
    this.services.writes.push("save the relationship", () => this.saveRelationship());
    await this.services.idle();
  }

  /** Records the owner's arrival and any milestones reached by meeting (first meeting, anniversaries). */
  begin(milestones: readonly Milestone[]): void {
    const { ownerName, worldName, arrivedFrom } = this.options;
    this.noted(`${ownerName} and I arrived in ${worldName}${arrivedFrom ? ` through the portal from ${arrivedFrom}` : ""}.`, arrivedFrom ? 0.45 : 0.35);
    if (milestones.length > 0) this.services.writes.push("record milestones", () => this.afterInteraction(milestones, this.services.clock()));
  }

  /** The owner's IANA time zone (sent on join, else their last known one, else UTC). */
  get timeZone(): string {
    return this.options.timeZone ?? "UTC";
  }

  /** A new episode of this session, with its turn id, time and place; remembered for the next summary. */
  private episode(at: Date, fields: Omit<EpisodeInput, "ownerId" | "companionId" | "happenedAt" | "world" | "place" | "sourceTurn">): EpisodeInput & { sourceTurn: string } {
    const sourceTurn = this.turnId(++this.turn);
    this.recentTurns.push(sourceTurn);
    if (this.recentTurns.length > RECENT_TURNS_SKIPPED) this.recentTurns.shift();
    this.unsummarised.push({ turn: this.turn, line: { speaker: fields.speaker ?? "", text: fields.text, importance: fields.importance ?? 0.5 } });
    if (this.unsummarised.length >= this.services.reflectEveryLines) this.reflect();
    return { ...fields, ownerId: this.options.ownerId, companionId: this.options.companionId, happenedAt: at, world: this.options.world, place: this.options.place(), sourceTurn };
  }

  private turnId(turn: number): string {
    return `${this.id}:${turn}`;
  }

  private describeMemory(memory: Reranked): string {
    if (memory.kind === "reflection") return `Looking back: ${memory.text}`;
    if (memory.kind === "milestone") return `A milestone: ${memory.text}`;
    if (!memory.speaker) return memory.text;
    const who = memory.speaker === this.options.companionName() ? "You" : memory.speaker;
    return `${who} said: "${memory.text}"`;
  }

  private async storeFacts(facts: readonly FactCandidate[], sourceEpisode: string, at: Date): Promise<void> {
    for (const fact of facts) await this.services.storeFact(this.scope, fact, sourceEpisode, at);
  }

  /** With a model, facts the patterns missed; queued behind other model work, dropped when it piles up. */
  private extractWithModel(text: string, sourceEpisode: string, at: Date): void {
    const extract = this.services.extractFacts;
    if (!extract) return;
    const generation = this.generation;
    this.services.modelWork.push("extract facts", async () => {
      const facts = await extract(text, at, this.timeZone);
      if (facts.length === 0) return;
      this.services.writes.push("store extracted facts", async () => {
        if (generation === this.generation) await this.storeFacts(facts, sourceEpisode, at);
      });
    });
  }

  private async afterInteraction(milestones: readonly Milestone[], at: Date): Promise<void> {
    for (const milestone of milestones) {
      await this.services.record({ ownerId: this.options.ownerId, companionId: this.options.companionId, kind: "milestone", text: milestone.text, happenedAt: at, world: this.options.world, importance: 0.9, sourceTurn: `milestone:${milestone.id}` });
    }
    await this.saveRelationship();
  }

  private async saveRelationship(): Promise<void> {
    // A relationship read again is saved with its milestones, at the next line: after forgetting
    // everything, leaving without a word leaves nothing behind.
    if (this.pendingMilestones.length > 0) return;
    await this.relationshipTracker?.save(this.services.db, this.scope);
  }

  /** Summarises the lines since the last summary (two at least) into a reflection memory. */
  private reflect(): void {
    const entries = this.unsummarised;
    this.unsummarised = [];
    if (entries.length < 2) return;
    const at = this.services.clock();
    const generation = this.generation;
    const sourceTurn = `${this.turnId(entries[0]!.turn)}-${entries.at(-1)!.turn}`;
    const reflection = { ownerId: this.options.ownerId, companionId: this.options.companionId, kind: "reflection" as const, happenedAt: at, world: this.options.world, importance: 0.7, sourceTurn };
    const where = `in ${this.options.worldName}`;
    this.services.summarise(entries.map((entry) => entry.line), where, this.options.companionName(), (text) =>
      this.services.writes.push("record a reflection", async () => {
        if (generation === this.generation) await this.services.record({ ...reflection, text });
      }),
    );
  }

}
