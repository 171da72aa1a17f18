import { schema, t, type SchemaType } from "@colyseus/schema";
import { XR_BODY_SCALE_MAX } from "../protocol/xr";

const unit = () => t.quantized({ min: -1, max: 1 }).default(0);
const reach = () => t.quantized({ min: -1.5, max: 1.5 }).default(0);
const height = () => t.quantized({ min: 0, max: 3 }).default(0);
const bodyScale = () => t.quantized({ min: 1, max: XR_BODY_SCALE_MAX }).default(1);

/**
 * A headset's head and hands (shared/protocol XrPoseMessage), 16 bits a number. `headHeight` 0:
 * not in a headset (the body's own head pose applies). Hands are in the body's frame.
 */
export const XrPoseState = schema(
  {
    /** Eye height above the feet, m. */
    headHeight: height(),
    /** Head rotation in the body's frame (x, y, z, w). */
    headX: unit(),
    headY: unit(),
    headZ: unit(),
    headW: unit().default(1),
    /** How much the wearer's own client grows their avatar (1: its own size); others draw it so. */
    bodyScale: bodyScale(),
    leftTracked: t.boolean().default(false),
    leftX: reach(),
    leftY: height(),
    leftZ: reach(),
    rightTracked: t.boolean().default(false),
    rightX: reach(),
    rightY: height(),
    rightZ: reach(),
  },
  "XrPoseState",
);
export type XrPoseState = SchemaType<typeof XrPoseState>;

/** A person in the room. Keyed by session id in `WorldState.players`. */
export const PlayerState = schema(
  {
    userId: t.string(),
    name: t.string(),
    /** Avatar reference: a preset id or `upload:<id>` (see shared/avatars). */
    avatar: t.string().default("wren"),
    x: t.float32(),
    y: t.float32(),
    z: t.float32(),
    /** Facing around +Y, radians. */
    yaw: t.float32(),
    /** Head pitch, radians. */
    pitch: t.float32(),
    /** Counts the player's jumps (teleports, snap turns), wrapping: a new count shows the pose at once, never as a glide. */
    jumps: t.uint16().default(0),
    /** False while the player's connection dropped and the room holds their place. */
    connected: t.boolean().default(true),
    /** Head and hands while in a headset. */
    xr: t.ref(XrPoseState),
  },
  "PlayerState",
);
export type PlayerState = SchemaType<typeof PlayerState>;

/** A player's companion. Keyed by the owner's session id in `WorldState.companions`. */
export const CompanionState = schema(
  {
    id: t.string(),
    ownerId: t.string(),
    name: t.string(),
    /** Avatar reference: a preset id or `upload:<id>` (see shared/avatars). */
    avatar: t.string().default("wren"),
    /** The persona's tints as JSON (`{"hair":"#aa3311"}`): rarely changes, so one string. */
    tints: t.string().default("{}"),
    x: t.float32(),
    y: t.float32(),
    z: t.float32(),
    yaw: t.float32(),
    /** Session id of whom it looks at and faces when standing: "" for its owner. */
    attention: t.string().default(""),
    /** Increases when it catches up by fading out and in beside its owner: clients fade, never glide. */
    warp: t.uint16().default(0),
    /** Ground speed, m/s, for gait. */
    speed: t.float32(),
    /** Current gesture name, or "" for none. */
    gesture: t.string().default(""),
    emotion: t.string().default("neutral"),
    speaking: t.boolean().default(false),
  },
  "CompanionState",
);
export type CompanionState = SchemaType<typeof CompanionState>;

export const WorldState = schema(
  {
    worldId: t.string(),
    players: t.map(PlayerState),
    companions: t.map(CompanionState),
  },
  "WorldState",
);
export type WorldState = SchemaType<typeof WorldState>;
