import {
  ClientMessage,
  CompanionStopMessage,
  ServerMessage,
  type CompanionDoneEvent,
  type CompanionSentenceEvent,
  type ErrorEvent,
} from "../../shared/protocol";
import type { PersonaBlueprint } from "../../shared/persona";
import { CompanionState, type WorldState } from "../../shared/state";
import type { Walkable } from "../../shared/world";
import { Conversation, joinSentences, setupHint, type ReplyEvent, type SentenceEvent } from "../companion";
import type { CompanionService, StoredCompanion } from "../companions";
import type { LanguageModel } from "../llm";
import type { Logger } from "../logging";
import { describeZodError } from "../validation";
import { besideOwner } from "./companionPlacement";
import { refusal } from "./refusal";
import type { Placement } from "./spawn";

/** What every room's companions think with; one per server. */
export interface CompanionMind {
  /** Undefined when the server has no language model: companions explain how to set one up. */
  model: LanguageModel | undefined;
  /** Owners (user ids) already told how to set up a model: told once per server run, not per room. */
  hintedOwners: Set<string>;
}

export interface RoomCompanionsDeps {
  mind: CompanionMind;
  /** Where each owner's companion (its id, name and persona) is kept. */
  companions: CompanionService;
  worldName: string;
  walkable: Walkable;
  state: WorldState;
  broadcast: (type: string, message: CompanionSentenceEvent | CompanionDoneEvent) => void;
  log: Logger;
}

/** People and companions within this distance of a companion are "near" it in its prompt. */
const NEARBY_METRES = 10;

/** One reply being said. `over` once its `done` was broadcast: later events of it are dropped. */
interface Reply {
  said: string[];
  over: boolean;
}

interface Companion {
  state: CompanionState;
  owner: { userId: string; name: string };
  persona: PersonaBlueprint;
  conversation: Conversation | undefined;
  seq: number;
  reply: Reply | undefined;
}

/**
 * The companions of one room, keyed like the state by their owner's session id: each answers its
 * own owner's chat lines, sentence by sentence, broadcast to the room; every line gets exactly one
 * `done`, even when nothing is said. A new line from the owner
 * or a `companion:stop` ends the reply in flight at once; its `done` goes out before anything of
 * the next reply. Other people's lines are not answered yet (companions hear only their owner).
 */
export class RoomCompanions {
  private readonly bySession = new Map<string, Companion>();
  private readonly stopFollowingEdits: () => void;

  constructor(private readonly deps: RoomCompanionsDeps) {
    this.stopFollowingEdits = deps.companions.onPersonaChanged((stored) => this.applyEdit(stored));
  }

  /**
   * Gives a newly joined owner their stored companion (created on their first join), standing
   * beside them. Nothing changes in the room when the lookup fails.
   */
  async add(sessionId: string, owner: { userId: string; name: string }, ownerAt: Placement): Promise<void> {
    const stored = await this.deps.companions.getOrCreateForOwner(owner.userId);
    const at = besideOwner(this.deps.walkable, ownerAt);
    const state = new CompanionState({ id: stored.id, ownerId: owner.userId, name: stored.name, ...at, speed: 0, emotion: "neutral", speaking: false });
    const companion: Companion = { state, owner, persona: stored.persona, conversation: undefined, seq: 0, reply: undefined };
    const model = this.deps.mind.model;
    if (model) {
      companion.conversation = new Conversation({
        companionId: state.id,
        ownerId: owner.userId,
        model,
        persona: () => companion.persona,
        world: () => ({ worldName: this.deps.worldName, nearby: this.namesNear(sessionId, companion.state) }),
        onProblem: (problem) => this.deps.log.warn({ companionId: state.id, ...problem }, "companion reply problem"),
      });
    }
    this.bySession.set(sessionId, companion);
    this.deps.state.companions.set(sessionId, state);
  }

  /** The owner said `text` in chat: their companion answers, cutting short what it was saying. */
  hear(sessionId: string, text: string): void {
    const companion = this.bySession.get(sessionId);
    if (!companion) return;
    this.interrupt(companion);
    if (!companion.conversation) return this.answerWithoutModel(companion);
    const reply: Reply = { said: [], over: false };
    companion.reply = reply;
    const events = companion.conversation.say({ speaker: { name: companion.owner.name, isOwner: true, id: companion.owner.userId }, text });
    this.speak(companion, reply, events).catch((error: unknown) => {
      // The conversation recovers from model failures itself; this is a bug of ours. Close the bubble.
      this.deps.log.error({ err: error, companionId: companion.state.id }, "companion reply failed");
      this.finish(companion, reply, true);
    });
  }

  /** A `companion:stop` message from the player in `sessionId`; an ErrorEvent when refused. */
  stop(sessionId: string, raw: unknown): ErrorEvent | undefined {
    const type = ClientMessage.CompanionStop;
    const parsed = CompanionStopMessage.safeParse(raw);
    if (!parsed.success) return refusal("invalid_message", type, describeZodError(parsed.error)).error;
    const { companionId } = parsed.data;
    const own = this.bySession.get(sessionId);
    // The same owner in the room twice has the same companion twice: each session stops its own.
    if (own?.state.id === companionId) {
      this.interrupt(own);
      return undefined;
    }
    const known = [...this.bySession.values()].some((companion) => companion.state.id === companionId);
    if (!known) return refusal("invalid_message", type, `no companion "${companionId}" in this room`).error;
    return refusal("not_owner", type, "only its owner can stop a companion").error;
  }

  /** The owner left the room: the companion goes with them, mid-sentence if need be. */
  remove(sessionId: string): void {
    const companion = this.bySession.get(sessionId);
    if (!companion) return;
    this.interrupt(companion);
    this.bySession.delete(sessionId);
    this.deps.state.companions.delete(sessionId);
  }

  /** The room is closing: every generation stops, nobody is left to tell. */
  dispose(): void {
    this.stopFollowingEdits();
    for (const companion of this.bySession.values()) {
      if (companion.reply) companion.reply.over = true;
      companion.conversation?.stop();
    }
    this.bySession.clear();
  }

  /** The owner edited the persona: the next reply speaks as the new one, under its new name. */
  private applyEdit(stored: StoredCompanion): void {
    for (const companion of this.bySession.values()) {
      if (companion.state.id !== stored.id) continue;
      companion.persona = stored.persona;
      companion.state.name = stored.name;
    }
  }

  private async speak(companion: Companion, reply: Reply, events: AsyncIterable<ReplyEvent>): Promise<void> {
    for await (const event of events) {
      // Superseded (stop, barge-in, owner gone): its `done` is already out; leaving ends the stream.
      if (reply.over) break;
      if (event.type === "sentence") this.sentence(companion, reply, event);
      else this.finish(companion, reply, event.interrupted);
    }
  }

  /**
   * The setup hint the first time, silence after; every line still gets its `done`, so a client
   * (or a script) waiting for the answer to a line is never left waiting.
   */
  private answerWithoutModel(companion: Companion): void {
    const { hintedOwners } = this.deps.mind;
    const reply: Reply = { said: [], over: false };
    if (!hintedOwners.has(companion.owner.userId)) {
      hintedOwners.add(companion.owner.userId);
      for (const sentence of setupHint()) this.sentence(companion, reply, sentence);
    }
    this.finish(companion, reply, false);
  }

  /** Ends the reply in flight now: the model is cancelled and the room told it was cut short. */
  private interrupt(companion: Companion): void {
    companion.conversation?.stop();
    if (companion.reply) this.finish(companion, companion.reply, true);
  }

  private sentence(companion: Companion, reply: Reply, event: SentenceEvent): void {
    const { state } = companion;
    reply.said.push(event.text);
    state.speaking = true;
    if (event.emotion) state.emotion = event.emotion;
    const message: CompanionSentenceEvent = { companionId: state.id, ownerId: state.ownerId, seq: ++companion.seq, text: event.text, actions: event.actions };
    if (event.emotion) message.emotion = event.emotion;
    this.deps.broadcast(ServerMessage.CompanionSentence, message);
  }

  private finish(companion: Companion, reply: Reply, interrupted: boolean): void {
    if (reply.over) return;
    reply.over = true;
    if (companion.reply === reply) companion.reply = undefined;
    companion.state.speaking = false;
    const message: CompanionDoneEvent = { companionId: companion.state.id, text: joinSentences(reply.said), interrupted };
    this.deps.broadcast(ServerMessage.CompanionDone, message);
  }

  /** Names of the people and companions near a companion, its owner excepted. */
  private namesNear(ownerSession: string, self: CompanionState): string[] {
    const near = (x: number, z: number) => Math.hypot(x - self.x, z - self.z) <= NEARBY_METRES;
    const names: string[] = [];
    this.deps.state.players.forEach((player, sessionId) => {
      if (sessionId !== ownerSession && near(player.x, player.z)) names.push(player.name);
    });
    this.deps.state.companions.forEach((other, sessionId) => {
      if (sessionId !== ownerSession && near(other.x, other.z)) names.push(`${other.name} (a companion)`);
    });
    return names;
  }
}
