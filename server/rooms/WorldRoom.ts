import { CloseCode, Room, type AuthContext, type Client } from "@colyseus/core";
import { ClientMessage, ServerMessage, type ErrorEvent, type JoinOptions } from "../../shared/protocol";
import { DEFAULT_AVATAR_PRESET } from "../../shared/avatars";
import { defaultPersona } from "../../shared/persona";
import type { VoiceTranscriptEvent } from "../../shared/speech";
import { PlayerState, WorldState } from "../../shared/state";
import { walkableOf, type Walkable, type WorldDefinition } from "../../shared/world";
import type { Identity } from "../auth";
import type { CompanionService } from "../companions";
import type { Logger } from "../logging";
import type { WorldCatalog } from "../worlds";
import { admit, type Admission } from "./admit";
import { CompanionGestures } from "./companionGestures";
import { CompanionMovement, MOVEMENT_TICK_MS } from "./companionMovement";
import { handleChat } from "./handleChat";
import { handleMove } from "./handleMove";
import { handleXrPose } from "./handleXrPose";
import { createPlayerSession, type PlayerSession } from "./playerSession";
import type { CompanionMind } from "./companionMind";
import { RoomCompanions } from "./roomCompanions";
import { placeArrival } from "./spawn";
import { VoiceInput } from "./voiceInput";

export interface WorldRoomDeps {
  identity: Identity;
  worlds: WorldCatalog;
  maxClients: number;
  /** How long a dropped player keeps their place; 0 removes them at once. */
  reconnectSeconds: number;
  logger: Logger;
  mind: CompanionMind;
  companions: CompanionService;
}

/** Colyseus drops a client outright past this many messages a second (a flood, not a game). */
const MAX_MESSAGES_PER_SECOND = 120;

/**
 * The room class for one world instance, bound to the server's services. The class only wires
 * Colyseus' lifecycle to plain modules: admit, placeArrival, handleMove, handleChat, RoomCompanions,
 * and at every tick CompanionMovement and CompanionGestures.
 */
export function createWorldRoom(deps: WorldRoomDeps) {
  return class WorldRoom extends Room<{ state: WorldState }> {
    override state = new WorldState();
    override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
    world!: WorldDefinition;
    private walkable!: Walkable;
    private readonly sessions = new Map<string, PlayerSession>();
    private companions!: RoomCompanions;
    private movement!: CompanionMovement;
    private voiceInput!: VoiceInput;
    private readonly gestures = new CompanionGestures();
    private arrivals = 0;
    private log!: Logger;

    // Static: runs in the matchmaker before a room is created or a seat reserved.
    static override onAuth(_token: string, options: unknown, _context: AuthContext): Promise<Admission> {
      return admit(deps.identity, deps.worlds, options);
    }

    override onCreate(options: JoinOptions) {
      const world = deps.worlds.get(options.world);
      if (!world) throw new Error(`no world "${options.world}"`);
      this.world = world;
      this.walkable = walkableOf(world);
      this.maxClients = deps.maxClients;
      this.state.worldId = world.id;
      this.log = deps.logger.child({ room: this.roomId, world: world.id });
      this.companions = new RoomCompanions({
        mind: deps.mind,
        companions: deps.companions,
        worldName: world.name,
        walkable: this.walkable,
        state: this.state,
        broadcast: (type, message) => this.broadcast(type, message),
        gesture: (companion, name) => this.gestures.start(companion, name),
        pointsOfInterest: world.pointsOfInterest,
        log: this.log,
      });
      this.movement = new CompanionMovement(this.state, this.walkable);
      this.voiceInput = new VoiceInput(deps.mind.recognizer, this.log);
      this.setTimestep((elapsedMs) => {
        this.movement.tick(elapsedMs);
        this.gestures.tick(elapsedMs);
      }, MOVEMENT_TICK_MS);

      this.onMessage(ClientMessage.Move, (client, message) => {
        const player = this.state.players.get(client.sessionId);
        const session = this.sessions.get(client.sessionId);
        if (!player || !session) return;
        const outcome = handleMove(this.walkable, player, session, message, Date.now());
        if (outcome.error) return this.refuse(client, outcome.error);
        if (outcome.portal) client.send(ServerMessage.Portal, outcome.portal);
      });
      this.onMessage(ClientMessage.XrPose, (client, message) => {
        const player = this.state.players.get(client.sessionId);
        const session = this.sessions.get(client.sessionId);
        if (!player || !session) return;
        const outcome = handleXrPose(player.xr, session, message, Date.now());
        if (outcome.error) this.refuse(client, outcome.error);
      });
      this.onMessage(ClientMessage.Chat, (client, message) => this.chat(client, message));
      this.onMessage(ClientMessage.VoiceStart, (client, message) => {
        const error = this.voiceInput.checkStart(message);
        if (error) return this.refuse(client, error);
        this.companions.bargeIn(client.sessionId);
      });
      this.onMessage(ClientMessage.VoiceSegment, async (client, message) => {
        const language = this.companions.languageOf(client.sessionId) ?? defaultPersona().language;
        const heard = await this.voiceInput.transcribe(client.sessionId, message, language);
        if (heard.error) return this.refuse(client, heard.error);
        client.send(ServerMessage.VoiceTranscript, { text: heard.text } satisfies VoiceTranscriptEvent);
        // From here a spoken line is a typed one: same limits, same echo, same answer.
        await this.chat(client, { text: heard.text });
      });
      this.onMessage(ClientMessage.CompanionStop, (client, message) => {
        const error = this.companions.stop(client.sessionId, message);
        if (error) this.refuse(client, error);
      });
      this.onMessage("*", (client, type) => {
        this.refuse(client, { code: "unknown_message", type: String(type), message: `unknown message type "${String(type)}"` });
      });
      this.log.info("room created");
    }

    override async onJoin(client: Client, options: JoinOptions) {
      const user = client.auth as Admission | undefined;
      // Server-side joins skip onAuth; this room only takes people.
      if (!user) throw new Error("join refused: not authenticated");
      const at = placeArrival(this.world, this.arrivals++, options.via);
      // First, as it waits on the database: a failure refuses the join with nothing changed.
      // A portal leads back to the world it came from: its `to` names where they were.
      const from = options.via ? deps.worlds.get(this.world.portals.find((p) => p.id === options.via)?.to ?? "")?.name : undefined;
      // Its time zone (checked by admit) is where memory counts the owner's days.
      await this.companions.add(client.sessionId, { ...user, timeZone: options.timeZone }, at, from);
      this.sessions.set(client.sessionId, createPlayerSession(user, this.world, at, Date.now()));
      this.state.players.set(
        client.sessionId,
        new PlayerState({ userId: user.userId, name: user.name, avatar: options.avatar ?? DEFAULT_AVATAR_PRESET, ...at, pitch: 0, connected: true }),
      );
      this.log.info({ sessionId: client.sessionId, userId: user.userId, via: options.via }, "player joined");
    }

    override onDrop(client: Client, code?: number) {
      const player = this.state.players.get(client.sessionId);
      if (!player || deps.reconnectSeconds <= 0 || code === CloseCode.SERVER_SHUTDOWN) return;
      player.connected = false;
      // Rejects when the window passes (Colyseus then calls onLeave) or the room is disposing.
      this.allowReconnection(client, deps.reconnectSeconds).catch(() => undefined);
      this.log.info({ sessionId: client.sessionId }, "player dropped; holding their place");
    }

    override onReconnect(client: Client) {
      const player = this.state.players.get(client.sessionId);
      if (player) player.connected = true;
      this.log.info({ sessionId: client.sessionId }, "player reconnected");
    }

    override onLeave(client: Client) {
      this.state.players.delete(client.sessionId);
      this.companions.remove(client.sessionId);
      this.sessions.delete(client.sessionId);
      this.log.info({ sessionId: client.sessionId }, "player left");
    }

    override onDispose() {
      this.companions.dispose();
      this.log.info("room disposed");
    }

    /** A chat line, typed or transcribed. */
    private async chat(client: Client, message: unknown) {
      const session = this.sessions.get(client.sessionId);
      if (!session) return;
      const now = Date.now();
      const outcome = handleChat(session, message, now);
      if (outcome.error) return this.refuse(client, outcome.error);
      // The echo is the acknowledgement: it goes out once the line is stored.
      const heard = await this.companions.hear(client.sessionId, outcome.chat.text, now);
      if (heard.lost) return this.refuse(client, heard.lost);
      this.broadcast(ServerMessage.Chat, outcome.chat);
      if (heard.refused) this.refuse(client, heard.refused);
      heard.answer?.();
    }

    private refuse(client: Client, error: ErrorEvent) {
      client.send(ServerMessage.Error, error);
    }
  };
}

export type WorldRoom = InstanceType<ReturnType<typeof createWorldRoom>>;
