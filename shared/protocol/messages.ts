import { z } from "zod";
import { AVATAR_PRESET_IDS, formatAvatarRef, parseAvatarRef } from "../avatars";
import { VoiceSegmentMessage, VoiceStartMessage } from "../speech";
import { CompanionStopMessage } from "./companion";
import { XrPoseMessage } from "./xr";

/** Room name registered on the server and joined by clients. */
export const WORLD_ROOM = "world";

/** Client → server message types. */
export const ClientMessage = {
  Move: "move",
  Chat: "chat",
  /** Stop my companion's reply in flight (owner only). */
  CompanionStop: "companion:stop",
  /** I started speaking: my companion stops talking (barge-in) and listens. */
  VoiceStart: "voice:start",
  /** A spoken segment (VoiceSegmentMessage), heard like a chat line once transcribed. */
  VoiceSegment: "voice:segment",
  /** Head and hands of a person in a headset (XrPoseMessage). */
  XrPose: "xr:pose",
} as const;

/** Server → client message types. */
export const ServerMessage = {
  /** Something the client sent was refused; nothing changed. */
  Error: "error",
  /** A chat line, broadcast to the whole room. */
  Chat: "chat",
  /** The player stepped into a portal: leave this room and join `world` with `via`. */
  Portal: "portal",
  /** A sentence of a companion's reply (CompanionSentenceEvent), broadcast to the room. */
  CompanionSentence: "companion:sentence",
  /** A companion's reply ended (CompanionDoneEvent), broadcast to the room. */
  CompanionDone: "companion:done",
  /** A chunk of a companion's speech (CompanionAudioEvent), broadcast to the room. */
  CompanionAudio: "companion:audio",
  /** A companion's speech stops now (CompanionAudioStopEvent), broadcast to the room. */
  CompanionAudioStop: "companion:audio-stop",
  /** What the server heard in the player's own voice segment (VoiceTranscriptEvent), to them only. */
  VoiceTranscript: "voice:transcript",
} as const;

export const CHAT_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 24;

const finite = z.number().finite();

export const MoveMessage = z
  .object({
    x: finite,
    y: finite,
    z: finite,
    /** Facing around +Y, radians. */
    yaw: finite,
    /** Head pitch, radians, −π/2…π/2. */
    pitch: finite.min(-Math.PI / 2).max(Math.PI / 2),
    /** A headset's teleport: a jump of up to TELEPORT_MAX_METRES onto walkable ground, over obstacles. */
    teleport: z.literal(true).optional(),
    /** A headset's snap turn (the world turned round the person, in one step): others see it at once, not as a glide. */
    snapTurn: z.literal(true).optional(),
  })
  .strict();
export type MoveMessage = z.infer<typeof MoveMessage>;

export const ChatMessage = z
  .object({
    text: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, "chat text is empty").max(CHAT_MAX_LENGTH, `chat text is longer than ${CHAT_MAX_LENGTH} characters`)),
  })
  .strict();
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The schema of each client message, by type. */
export const clientMessageSchemas = {
  [ClientMessage.Move]: MoveMessage,
  [ClientMessage.Chat]: ChatMessage,
  [ClientMessage.CompanionStop]: CompanionStopMessage,
  [ClientMessage.VoiceStart]: VoiceStartMessage,
  [ClientMessage.VoiceSegment]: VoiceSegmentMessage,
  [ClientMessage.XrPose]: XrPoseMessage,
} as const;

export const DisplayName = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "name is empty")
      .max(NAME_MAX_LENGTH, `name is longer than ${NAME_MAX_LENGTH} characters`)
      .refine((s) => !/[\u0000-\u001f\u007f<>]/.test(s), "name has control characters or angle brackets"),
  );

export const TIME_ZONE_MAX_LENGTH = 64;

/** Whether `Intl` here knows the time zone `name` (an IANA name such as Pacific/Auckland, or UTC). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const JoinOptions = z
  .object({
    token: z.string().min(1, "a token is required: get one from POST /api/auth/guest"),
    world: z.string().min(1),
    /** Arriving through this portal id of the target world (set after a `portal` message). */
    via: z.string().min(1).optional(),
    /** The player's body: a preset id or `upload:<avatarId>`; unknown ones are refused, not replaced. */
    avatar: z
      .string()
      .refine(
        // parseAvatarRef falls back to the default preset; a round trip that changes the text means it was not valid.
        (ref) => formatAvatarRef(parseAvatarRef(ref)) === ref,
        `avatar must be one of ${AVATAR_PRESET_IDS.join(", ")} or upload:<avatar id>`,
      )
      .optional(),
    /**
     * The player's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`): their
     * companion's memory counts days ("yesterday", "in May", anniversaries) at their clock.
     */
    timeZone: z
      .string()
      .min(1, { error: "time zone is empty", abort: true })
      .max(TIME_ZONE_MAX_LENGTH, { error: `time zone is longer than ${TIME_ZONE_MAX_LENGTH} characters`, abort: true })
      .refine(isKnownTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}": use an IANA name such as Europe/Paris` })
      .optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof JoinOptions>;

export type ErrorCode =
  | "invalid_message"
  | "move_rejected"
  | "rate_limited"
  | "unknown_message"
  /** Only a companion's owner may do that. */
  | "not_owner"
  /** The server could not store it (a database failure): nothing was said or kept. */
  | "not_stored"
  /** This server cannot turn speech into text (no ASR model, or it is still downloading). */
  | "asr_unavailable"
  /** The speech segment held no words the server could make out. */
  | "not_heard";

export interface ErrorEvent {
  code: ErrorCode;
  /** Which client message type caused it. */
  type: string;
  message: string;
}

export interface ChatEvent {
  id: string;
  userId: string;
  name: string;
  text: string;
  /** Server time, ms since the epoch. */
  time: number;
}

export interface PortalEvent {
  portalId: string;
  world: string;
  /** The portal id to pass as `via` when joining `world`. */
  via: string;
}

/** POST /api/auth/guest */
export const GuestAuthRequest = z.object({ name: DisplayName }).strict();
export interface GuestAuthResponse {
  token: string;
  userId: string;
  name: string;
}
