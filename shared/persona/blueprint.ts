import { z } from "zod";

/**
 * The persona blueprint: the fixed personality an owner defines for their companion. Every string
 * and list is bounded because the whole blueprint goes into every prompt (see the companion's
 * prompt assembly), and it arrives from users (API, character cards).
 */

const unit = z.number().finite().min(0).max(1);
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "must not be empty");
const list = (itemMax: number, countMax: number) =>
  z.array(requiredText(itemMax)).max(countMax, `at most ${countMax} entries`);

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #a1b2c3");

export const PersonaAppearance = z
  .object({
    /** One of the default avatars shipped with Kindred. */
    avatarPreset: requiredText(64).regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
    /** Named tints applied to the preset (e.g. hair, eyes, outfit). */
    tints: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/, "a short camelCase name"), hexColour).refine(
      (tints) => Object.keys(tints).length <= 16,
      "at most 16 tints",
    ),
    /**
     * An uploaded VRM (its id, see `/api/avatars`) worn instead of the preset; the preset and its
     * tints are kept for when it is taken off. The server checks the owner uploaded it.
     */
    customAvatar: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "an uploaded avatar's id").optional(),
  })
  .strict();

export const BigFive = z
  .object({
    openness: unit,
    conscientiousness: unit,
    extraversion: unit,
    agreeableness: unit,
    neuroticism: unit,
  })
  .strict();

export const SpeakingStyle = z
  .object({
    formality: unit,
    humour: unit,
    verbosity: unit,
    quirks: list(120, 8),
  })
  .strict();

export const PersonaBoundaries = z
  .object({
    /** Topics the companion steers away from. */
    topics: list(80, 16),
    /** How it handles them, in its own terms (e.g. "changes the subject gently"). */
    handling: text(300),
  })
  .strict();

export const PersonaVoice = z
  .object({
    /** A TTS voice id (e.g. a Kokoro voice name). */
    id: requiredText(64),
    /** Playback speed factor. */
    speed: z.number().finite().min(0.5).max(2),
  })
  .strict();

/** A BCP-47 language tag such as "en", "en-GB", "pt-BR", "zh-Hans". */
export const LanguageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP-47 language tag such as en or pt-BR")
  .max(35);

/** Serialized size bound of a preserved character card: the largest card JSON an import accepts. */
export const PERSONA_CARD_MAX_BYTES = 256 * 1024;

/**
 * The character card a persona was imported from (Character Card V2/V3 `data`, every field as it
 * came), so an export writes back what the blueprint has no place for. Never part of a prompt.
 */
export const PersonaCard = z
  .object({
    spec: z.enum(["chara_card_v2", "chara_card_v3"]),
    data: z.record(z.string(), z.unknown()),
  })
  .strict()
  .refine(
    (card) => new TextEncoder().encode(JSON.stringify(card)).length <= PERSONA_CARD_MAX_BYTES,
    `at most ${PERSONA_CARD_MAX_BYTES} bytes as JSON`,
  );
export type PersonaCard = z.infer<typeof PersonaCard>;

export const PersonaBlueprint = z
  .object({
    /** Bumped on every change, so memories and caches can tell which persona they saw. */
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    name: requiredText(40),
    pronouns: requiredText(30),
    appearance: PersonaAppearance,
    backstory: text(2000),
    bigFive: BigFive,
    speakingStyle: SpeakingStyle,
    interests: list(80, 16),
    values: list(80, 12),
    boundaries: PersonaBoundaries,
    /** How the companion relates to its owner: "friend", "mentor", "sibling", … */
    relationshipType: requiredText(40),
    voice: PersonaVoice,
    /** How often it starts conversations on its own: 0 never, 1 eagerly. */
    initiative: unit,
    language: LanguageTag,
    /** Present when the persona came from a character card. */
    card: PersonaCard.optional(),
  })
  .strict();
export type PersonaBlueprint = z.infer<typeof PersonaBlueprint>;
