import { ClientMessage, CompanionStopMessage, type ErrorEvent } from "../../shared/protocol";
import { CompanionState, type WorldState } from "../../shared/state";
import type { Walkable } from "../../shared/world";
import { companionBody } from "../avatars";
import { setupHint, type ReplyEvent, type Speaker, type Utterance } from "../companion";
import type { CompanionService, StoredCompanion } from "../companions";
import type { Logger } from "../logging";
import { describePlace, type ForgetEvent, type NamedPlace } from "../memory";
import { describeZodError } from "../validation";
import { addressedCompanion } from "./addressedCompanion";
import type { CompanionMind } from "./companionMind";
import { companionConversation } from "./companionConversation";
import { besideOwner } from "./companionPlacement";
import { LiveTurns } from "./liveTurns";
import type { LiveCompanion as Companion, Reply } from "./liveCompanion";
import { RATE_LIMITS } from "./rateLimiter";
import { refusal } from "./refusal";
import { broadcastSentence, finishReply, type ReplyOutlet } from "./replyBroadcast";
import { roomVoice } from "./roomVoice";
import { SpeakerLimits } from "./speakerLimits";
import type { Placement } from "./spawn";

/** What became of a chat line a companion may hear (see RoomCompanions.hear). */
export interface HeardChat {
  refused?: ErrorEvent;
  lost?: ErrorEvent;
  answer?: () => void;
}

export interface RoomCompanionsDeps extends ReplyOutlet {
  mind: CompanionMind;
  /** Where each owner's companion (its id, name and persona) is kept. */
  companions: CompanionService;
  worldName: string;
  walkable: Walkable;
  state: WorldState;
  /** The world's named spots: memories say where they were made. */
  pointsOfInterest?: readonly NamedPlace[] | undefined;
  log: Logger;
}

/**
 * The companions of one room, keyed like the state by their owner's session id. A chat line goes
 * to the companion it addresses by name (see addressedCompanion), else to the speaker's own; the
 * answer is broadcast to the room sentence by sentence, and every answered line gets exactly one
 * `done`, even when nothing is said. A new line from the owner or a `companion:stop` ends the reply
 * in flight at once; its `done` goes out before anything of the next reply.
 *
 * Someone else's line never cuts a reply short: while the companion is talking it waits and is
 * answered next (one waiting line per companion, the newest). Such lines are rate-limited per
 * speaker, since every answer runs the owner's model. Their prompt names the speaker as not the
 * owner, and memory recalls nothing private of the owner's for them.
 */
export class RoomCompanions {
  private readonly bySession = new Map<string, Companion>();
  /** Per speaker session: how often they may address other people's companions. */
  private readonly otherCompanionLimits = new SpeakerLimits(RATE_LIMITS.otherCompanions);
  private readonly stopFollowingEdits: () => void;
  private readonly stopFollowingForgets: () => void;

  constructor(private readonly deps: RoomCompanionsDeps) {
    this.stopFollowingEdits = deps.companions.onPersonaChanged((stored) => this.applyEdit(stored));
    this.stopFollowingForgets = deps.mind.memory?.onForgotten((event) => this.forgot(event)) ?? (() => undefined);
  }

  /**
   * Gives a newly joined owner their stored companion (created on their first join), standing
   * beside them. Nothing changes in the room when the lookup fails.
   */
  async add(sessionId: string, owner: { userId: string; name: string; timeZone?: string | undefined }, ownerAt: Placement, arrivedFrom?: string): Promise<void> {
    const stored = await this.deps.companions.getOrCreateForOwner(owner.userId);
    const { players, companions } = this.deps.state;
    const at = besideOwner(this.deps.walkable, ownerAt, [...players.values(), ...companions.values()]);
    const state = new CompanionState({ id: stored.id, ownerId: owner.userId, name: stored.name, ...companionBody(stored.persona.appearance), ...at, speed: 0, emotion: "neutral", speaking: false });
    const memory = await this.deps.mind.memory?.open({
      ownerId: owner.userId,
      ownerName: owner.name,
      companionId: stored.id,
      companionName: () => state.name,
      world: this.deps.state.worldId,
      worldName: this.deps.worldName,
      place: () => describePlace(this.deps.pointsOfInterest ?? [], state.x, state.z),
      arrivedFrom,
      timeZone: owner.timeZone,
    });
    const companion: Companion = { state, owner, persona: stored.persona, conversation: undefined, memory, seq: 0, reply: undefined, pending: undefined, liveTurns: new LiveTurns(), voice: undefined };
    companion.voice = roomVoice(this.deps.mind.tts, this.deps, state.id, () => companion.persona, this.deps.log);
    const model = this.deps.mind.model;
    if (model) companion.conversation = companionConversation({ ...this.deps, model }, sessionId, companion);
    this.bySession.set(sessionId, companion);
    this.deps.state.companions.set(sessionId, state);
  }

  /**
   * The player in `sessionId` said `text` in chat: the companion it addresses, else their own,
   * answers. Resolves once the line is stored in its memory, so the room acknowledges only lines
   * that survive a crash, and then calls `answer` (after the acknowledgement, so the reply follows
   * the line). `refused`: a line to someone else's companion that it did not hear (rate limit; the
   * line is still chat); `lost`: the line could not be stored (nothing else happens).
   */
  async hear(sessionId: string, text: string, now: number): Promise<HeardChat> {
    const speaker = this.deps.state.players.get(sessionId);
    const own = this.bySession.get(sessionId);
    const byState = new Map([...this.bySession.values()].map((companion) => [companion.state, companion]));
    const addressed = speaker ? addressedCompanion(text, { x: speaker.x, z: speaker.z, own: own?.state }, byState.keys()) : undefined;
    const companion = (addressed && byState.get(addressed)) ?? own;
    if (!companion) return {};
    const byOwner = !speaker || companion.owner.userId === speaker.userId;
    // The owner's new line cuts the reply short at once, before it is even stored.
    if (byOwner) this.interrupt(companion);
    else if (!this.otherCompanionLimits.tryTake(sessionId, now)) {
      const { limit, windowMs } = RATE_LIMITS.otherCompanions;
      return { refused: refusal("rate_limited", ClientMessage.Chat, `${companion.state.name} did not hear that: at most ${limit} lines to other people's companions per ${windowMs / 1000} seconds`).error };
    }
    const utterance: Utterance = byOwner
      ? { speaker: { name: companion.owner.name, isOwner: true, id: companion.owner.userId }, text }
      : { speaker: { name: speaker.name, isOwner: false, id: speaker.userId }, text };
    const heard = companion.memory?.heard(utterance.speaker, text);
    try {
      await heard?.stored;
    } catch {
      return { lost: refusal("not_stored", ClientMessage.Chat, "that line could not be stored; please say it again").error };
    }
    return {
      answer: () => {
        // It may have left while the line was being stored.
        if ([...this.bySession.values()].includes(companion)) this.respond(companion, sessionId, utterance, heard?.sourceTurn);
      },
    };
  }

  private respond(companion: Companion, sessionId: string, utterance: Utterance, memoryTurn: string | undefined): void {
    if (utterance.speaker.isOwner) {
      this.interrupt(companion);
      if (companion.conversation) this.answer(companion, utterance, memoryTurn);
      else this.answerWithoutModel(companion);
    } else if (!companion.conversation) {
      // The setup hint is for the owner; the line still gets its `done`.
      finishReply(this.deps, companion, { said: [], over: false }, false);
    } else if (companion.reply) {
      companion.pending = { sessionId, utterance, memoryTurn };
    } else {
      // It turns to whoever speaks to it while it answers them.
      companion.state.attention = sessionId;
      this.answer(companion, utterance, memoryTurn);
    }
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
      // Quiet means quiet: a line waiting from someone else is dropped too.
      own.pending = undefined;
      this.interrupt(own);
      return undefined;
    }
    const known = [...this.bySession.values()].some((companion) => companion.state.id === companionId);
    if (!known) return refusal("invalid_message", type, `no companion "${companionId}" in this room`).error;
    return refusal("not_owner", type, "only its owner can stop a companion").error;
  }

  /**
   * The player in `sessionId` started speaking (`voice:start`): their own companion stops talking
   * and listens, like at a stop. Nobody else's companion: a barge-in is the owner's only.
   */
  bargeIn(sessionId: string): void {
    const own = this.bySession.get(sessionId);
    if (!own) return;
    own.pending = undefined;
    this.interrupt(own);
  }

  /** The language the player in `sessionId` is heard in: their companion's. */
  languageOf(sessionId: string): string | undefined {
    return this.bySession.get(sessionId)?.persona.language;
  }

  /** The owner left the room: the companion goes with them, mid-sentence if need be. */
  remove(sessionId: string): void {
    const companion = this.bySession.get(sessionId);
    this.otherCompanionLimits.forget(sessionId);
    if (!companion) return;
    companion.pending = undefined;
    this.interrupt(companion);
    void companion.memory?.end();
    this.bySession.delete(sessionId);
    this.deps.state.companions.delete(sessionId);
  }

  /** The room is closing: every generation stops, nobody is left to tell. */
  dispose(): void {
    this.stopFollowingEdits();
    this.stopFollowingForgets();
    for (const companion of this.bySession.values()) {
      companion.pending = undefined;
      if (companion.reply) companion.reply.over = true;
      companion.conversation?.stop();
      companion.voice?.dispose();
      void companion.memory?.end();
    }
    this.bySession.clear();
  }

  /** The owner edited the persona: the next reply speaks as the new one, under its new name, in its new body. */
  private applyEdit(stored: StoredCompanion): void {
    for (const companion of this.bySession.values()) {
      if (companion.state.id !== stored.id) continue;
      companion.persona = stored.persona;
      companion.state.name = stored.name;
      const body = companionBody(stored.persona.appearance);
      companion.state.avatar = body.avatar;
      companion.state.tints = body.tints;
    }
  }

  /**
   * The owner made their companion forget: a reply built on what it knew stops unrecorded, and the
   * live conversation forgets too, so the next prompt holds nothing of it.
   */
  private forgot(event: ForgetEvent): void {
    for (const companion of this.bySession.values()) {
      if (companion.state.id !== event.companionId || companion.owner.userId !== event.ownerId || !companion.conversation) continue;
      if (event.what === "memories") {
        companion.liveTurns.forget(companion.conversation, event.sourceTurns);
        continue;
      }
      companion.pending = undefined;
      if (companion.reply) companion.reply.to = undefined;
      this.interrupt(companion);
      companion.conversation.forgetAll();
    }
  }

  /** Starts the companion's answer to `utterance`; the line waiting, if any, is answered after it. */
  private answer(companion: Companion, utterance: Utterance, memoryTurn: string | undefined): void {
    const conversation = companion.conversation;
    if (!conversation) return;
    const reply: Reply = { said: [], over: false, to: utterance.speaker, gestures: [] };
    companion.reply = reply;
    const events = conversation.say(utterance);
    companion.liveTurns.tagLatest(conversation, "person", memoryTurn);
    this.speak(companion, reply, events)
      .catch((error: unknown) => {
        // The conversation recovers from model failures itself; this is a bug of ours. Close the bubble.
        this.deps.log.error({ err: error, companionId: companion.state.id }, "companion reply failed");
        finishReply(this.deps, companion, reply, true);
      })
      .finally(() => this.answerPending(companion));
  }

  /** Answers the waiting line once the companion is free, unless its speaker has left. */
  private answerPending(companion: Companion): void {
    const pending = companion.pending;
    if (!pending || companion.reply) return;
    companion.pending = undefined;
    if (!this.deps.state.players.has(pending.sessionId)) return;
    companion.state.attention = pending.sessionId;
    this.answer(companion, pending.utterance, pending.memoryTurn);
  }

  private async speak(companion: Companion, reply: Reply, events: AsyncIterable<ReplyEvent>): Promise<void> {
    for await (const event of events) {
      // Superseded (stop, barge-in, owner gone): its `done` is already out; leaving ends the stream.
      if (reply.over) break;
      if (event.type === "sentence") broadcastSentence(this.deps, companion, reply, event);
      else finishReply(this.deps, companion, reply, event.interrupted);
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
      for (const sentence of setupHint()) broadcastSentence(this.deps, companion, reply, sentence);
    }
    finishReply(this.deps, companion, reply, false);
  }

  /** Ends the reply in flight now: the model and the voice are cancelled and the room told it was cut short. */
  private interrupt(companion: Companion): void {
    companion.conversation?.stop();
    companion.voice?.stop();
    if (companion.reply) finishReply(this.deps, companion, companion.reply, true);
  }
}
