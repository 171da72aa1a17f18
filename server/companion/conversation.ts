import type { PersonaBlueprint } from "../../shared/persona";
import { describeFailure, type LanguageModel } from "../llm";
import { inCharacterLine, lineForFailure } from "./inCharacterLines";
import { assemblePrompt, audienceOf, detectPersonaBreak, historyFor, noRecall, type ConversationTurn, type MemoryRecall, type RecalledMemory, type Utterance, type WorldContext } from "./prompt";
import { joinSentences, replyStream, type ReplyEvent, type SentenceEvent } from "./reply";

export interface ConversationOptions {
  companionId: string;
  ownerId: string;
  model: LanguageModel;
  /** Read at every reply, so an edited persona applies from the next sentence on. */
  persona: () => PersonaBlueprint;
  world: () => WorldContext;
  relationship?: () => string | undefined;
  recall?: MemoryRecall;
  /** Prompt budget in estimated tokens (the model's context minus room for the reply). */
  budgetTokens?: number;
  maxReplyTokens?: number;
  temperature?: number;
  /** History turns offered to the prompt. */
  maxTurns?: number;
  /** History turns kept in memory here; older ones are memory's business. */
  historyLimit?: number;
  /** Why a reply failed or was rewritten, for logs. Never shown to users. */
  onProblem?: (problem: { kind: string; reason: string }) => void;
}

const DEFAULTS = { budgetTokens: 3000, maxReplyTokens: 256, temperature: 0.8, maxTurns: 16, historyLimit: 64, recalledMemories: 8 };

const ENDS_AT_CLAUSE = /[,;:—，、；：]$/;

/** The reply being generated: what has been said so far, and whether history has it yet. */
interface InFlight {
  controller: AbortController;
  said: string[];
  recorded: boolean;
  /** The audience when answering someone other than the owner (their exchanges are kept apart). */
  to: string | undefined;
}

/**
 * One companion's conversation: one reply at a time. A new utterance or `stop()` cancels the reply
 * in flight at once (the model's connection is closed); what was already said stays in the history,
 * marked interrupted. A failing model never ends the conversation: the companion says, in
 * character, that it lost its thread, and the next turn starts afresh.
 */
export class Conversation {
  private readonly turns: ConversationTurn[] = [];
  private current: InFlight | undefined;

  constructor(private readonly options: ConversationOptions) {}

  get history(): readonly ConversationTurn[] {
    return this.turns;
  }

  /** True while a reply is being generated. */
  get busy(): boolean {
    return this.current !== undefined && !this.current.controller.signal.aborted;
  }

  /** The owner made the companion forget what these turns said: later prompts never see them again. */
  forget(forgotten: (turn: ConversationTurn) => boolean): void {
    const kept = this.turns.filter((turn) => !forgotten(turn));
    this.turns.splice(0, this.turns.length, ...kept);
  }

  /** The owner made the companion forget everything: the conversation starts over. */
  forgetAll(): void {
    this.turns.length = 0;
  }

  /** Cancels the reply in flight, if any. Its consumer receives `done` with `interrupted: true`. */
  stop(): void {
    const flight = this.current;
    if (!flight) return;
    flight.controller.abort();
    this.record(flight, true);
    this.current = undefined;
  }

  /**
   * Answers an utterance. The previous reply is cancelled now, not when this one is first read,
   * so history stays in the order things were said.
   */
  say(utterance: Utterance): AsyncGenerator<ReplyEvent> {
    this.stop();
    // Someone other than the owner never gets the owner's exchanges in their prompt.
    const prior = historyFor(this.turns, utterance.speaker);
    this.push({ role: "person", utterance });
    const flight: InFlight = { controller: new AbortController(), said: [], recorded: false, to: utterance.speaker.isOwner ? undefined : audienceOf(utterance.speaker) };
    this.current = flight;
    return this.reply(flight, prior, utterance);
  }

  private async *reply(flight: InFlight, prior: ConversationTurn[], utterance: Utterance): AsyncGenerator<ReplyEvent> {
    const { signal } = flight.controller;
    const persona = this.options.persona();
    const releaseWrites = this.options.recall?.holdWrites?.() ?? (() => undefined);
    let failure: unknown;
    try {
      const memories = await this.recall(utterance);
      if (signal.aborted) return yield this.finish(flight, true);
      const prompt = assemblePrompt({
        persona,
        relationship: this.options.relationship?.(),
        memories,
        history: prior,
        world: this.options.world(),
        utterance,
        budgetTokens: this.options.budgetTokens ?? DEFAULTS.budgetTokens,
        maxTurns: this.options.maxTurns ?? DEFAULTS.maxTurns,
      });
      const tokens = this.options.model.stream({
        messages: prompt.messages,
        maxTokens: this.options.maxReplyTokens ?? DEFAULTS.maxReplyTokens,
        temperature: this.options.temperature ?? DEFAULTS.temperature,
        signal,
      });
      let dropped = 0;
      let dropNext = false;
      for await (const event of replyStream(tokens, { signal, onError: (error) => (failure = error) })) {
        if (event.type === "sentence") {
          const broken = detectPersonaBreak(event.text);
          if (broken || dropNext) {
            // Said out of character: better unsaid; the rest of the reply may still be fine. A first
            // sentence released early at a clause ("As an AI,") drags its continuation with it.
            dropped++;
            dropNext = broken !== undefined && ENDS_AT_CLAUSE.test(event.text);
            if (broken) this.options.onProblem?.({ kind: "persona_break", reason: `dropped a sentence with "${broken.phrase}"` });
            continue;
          }
          flight.said.push(event.text);
          releaseWrites();
          yield event;
          continue;
        }
        if (signal.aborted) return yield this.finish(flight, true);
        if (failure !== undefined) {
          this.options.onProblem?.(describeFailure(failure));
          yield this.sayOwnLine(flight, lineForFailure(failure), persona);
        } else if (dropped > 0 && flight.said.length === 0) {
          yield this.sayOwnLine(flight, "offCharacter", persona);
        }
        return yield this.finish(flight, event.interrupted);
      }
    } catch (error) {
      // Only our own code can throw here (replyStream never does): still, the companion recovers.
      if (signal.aborted) return yield this.finish(flight, true);
      this.options.onProblem?.(describeFailure(error));
      yield this.sayOwnLine(flight, "lostThought", persona);
      return yield this.finish(flight, true);
    } finally {
      releaseWrites();
      // The consumer stopped reading early: the reply is over either way.
      if (!flight.recorded) this.record(flight, true);
      flight.controller.abort();
      if (this.current === flight) this.current = undefined;
    }
  }

  private async recall(utterance: Utterance): Promise<RecalledMemory[]> {
    const recall = this.options.recall ?? noRecall;
    try {
      return await recall.recall(utterance.text, {
        companionId: this.options.companionId,
        ownerId: this.options.ownerId,
        speakerId: utterance.speaker.id ?? (utterance.speaker.isOwner ? this.options.ownerId : ""),
        maxItems: DEFAULTS.recalledMemories,
      });
    } catch (error) {
      // A reply without memories beats no reply.
      this.options.onProblem?.({ kind: "recall", reason: describeFailure(error).reason });
      return [];
    }
  }

  private sayOwnLine(flight: InFlight, line: Parameters<typeof inCharacterLine>[0], persona: PersonaBlueprint): SentenceEvent {
    const text = inCharacterLine(line, persona.language);
    flight.said.push(text);
    return { type: "sentence", text, emotion: "neutral", actions: [] };
  }

  private finish(flight: InFlight, interrupted: boolean): ReplyEvent {
    this.record(flight, interrupted);
    if (this.current === flight) this.current = undefined;
    return { type: "done", text: joinSentences(flight.said), interrupted };
  }

  private record(flight: InFlight, interrupted: boolean): void {
    if (flight.recorded) return;
    flight.recorded = true;
    const turn: ConversationTurn = { role: "companion", text: joinSentences(flight.said), interrupted };
    if (flight.to !== undefined) turn.to = flight.to;
    this.push(turn);
  }

  private push(turn: ConversationTurn): void {
    this.turns.push(turn);
    const limit = this.options.historyLimit ?? DEFAULTS.historyLimit;
    if (this.turns.length > limit) this.turns.splice(0, this.turns.length - limit);
  }
}
