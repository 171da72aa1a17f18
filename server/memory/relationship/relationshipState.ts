/**
 * How things stand between an owner and their companion, and how each interaction moves it.
 * Steps are small and bounded (no single line can make a stranger a confidant); time apart slowly
 * pulls closeness and trust back towards where they started, and mood back to calm within hours.
 */

export interface RelationshipState {
  /** 0..1 */
  closeness: number;
  /** 0..1 */
  trust: number;
  /** -1 (low) .. 1 (bright) */
  mood: number;
  interactions: number;
  conversations: number;
  personalShares: number;
  firstMet: Date;
  lastSeen: Date;
  milestones: string[];
}

export interface Interaction {
  at: Date;
  /** The owner shared something personal (a feeling, a fact of their life). */
  personal: boolean;
  /** The emotion of the exchange, when known. */
  emotion?: string | undefined;
  /** The first exchange of a new conversation. */
  startsConversation: boolean;
}

export const BASELINE = { closeness: 0.1, trust: 0.2, mood: 0.2 } as const;
/** The most any one interaction may move closeness or trust. */
export const MAX_STEP = 0.05;
const DAY_MS = 86_400_000;
const HALF_LIFE_DAYS = { closeness: 120, trust: 240, mood: 0.5 } as const;
const VALENCE: Record<string, number> = { happy: 1, relaxed: 0.5, surprised: 0.2, neutral: 0, sad: -0.7, angry: -1 };

export function newRelationship(at: Date): RelationshipState {
  return { ...BASELINE, interactions: 0, conversations: 0, personalShares: 0, firstMet: at, lastSeen: at, milestones: [] };
}

/** The state after time apart, up to `at`: each value drifts back towards its baseline. */
export function decay(state: RelationshipState, at: Date): RelationshipState {
  const days = Math.max(0, (at.getTime() - state.lastSeen.getTime()) / DAY_MS);
  if (days === 0) return state;
  const towards = (value: number, baseline: number, halfLife: number) => baseline + (value - baseline) * 0.5 ** (days / halfLife);
  return {
    ...state,
    // Closeness only fades down to the baseline; someone who was never close does not grow closer apart.
    closeness: Math.min(state.closeness, towards(state.closeness, BASELINE.closeness, HALF_LIFE_DAYS.closeness)),
    trust: Math.min(state.trust, towards(state.trust, BASELINE.trust, HALF_LIFE_DAYS.trust)),
    mood: towards(state.mood, BASELINE.mood, HALF_LIFE_DAYS.mood),
  };
}

/** The state after one interaction (decayed to its time first). */
export function step(state: RelationshipState, interaction: Interaction): RelationshipState {
  const now = decay(state, interaction.at);
  const closeness = now.closeness + bounded(0.015 + (interaction.personal ? 0.03 : 0), now.closeness);
  const trust = now.trust + bounded(interaction.personal ? 0.04 : 0.005, now.trust);
  return {
    ...moveMood(now, interaction.emotion, interaction.at),
    closeness: clamp(closeness, 0, 1),
    trust: clamp(trust, 0, 1),
    interactions: now.interactions + 1,
    conversations: now.conversations + (interaction.startsConversation ? 1 : 0),
    personalShares: now.personalShares + (interaction.personal ? 1 : 0),
    lastSeen: interaction.at,
  };
}

/** The mood after a moment that felt like `emotion`: a step of 15% of the way towards it. */
export function moveMood(state: RelationshipState, emotion: string | undefined, at: Date): RelationshipState {
  const now = decay(state, at);
  const valence = VALENCE[emotion ?? "neutral"] ?? 0;
  return { ...now, mood: clamp(now.mood + 0.15 * (valence - now.mood), -1, 1), lastSeen: at };
}

/** Growth slows as a value nears 1, and never exceeds MAX_STEP. */
function bounded(gain: number, value: number): number {
  return Math.min(MAX_STEP, gain * (1 - value));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The relationship in a few words for the prompt: it shapes tone, never a number the model would recite. */
export function describeRelationship(state: RelationshipState, at: Date): string {
  const days = Math.floor((at.getTime() - state.firstMet.getTime()) / DAY_MS);
  const known = days < 1 ? "You met today" : days < 30 ? `You have known each other ${days} day${days === 1 ? "" : "s"}` : `You have known each other about ${Math.round(days / 30)} month${days < 60 ? "" : "s"}`;
  const closeness = pick(state.closeness, ["still new to each other", "getting to know each other", "friends", "close", "very close"]);
  const trust = pick(state.trust, ["they are guarded with you", "they are warming to you", "they trust you", "they trust you a lot", "they confide in you completely"]);
  const mood = state.mood > 0.5 ? "you are in high spirits" : state.mood > 0 ? "you feel at ease" : state.mood > -0.4 ? "you feel a little low" : "you feel down";
  return `${known} (${state.conversations} conversation${state.conversations === 1 ? "" : "s"}); you are ${closeness}; ${trust}; ${mood}.`;
}

function pick(value: number, words: readonly [string, string, string, string, string]): string {
  return words[Math.min(4, Math.floor(value * 5))]!;
}
