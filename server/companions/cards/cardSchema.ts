import { z } from "zod";

/**
 * Character Card V2 (`chara_card_v2`, spec_version "2.0") and V3 (`chara_card_v3`, "3.0"), as
 * published at github.com/malfoyslastname/character-card-spec-v2 and
 * github.com/kwaroran/character-card-spec-v3. Objects are loose: the specs require that unknown
 * keys (in `data`, `extensions`, lorebooks and their entries) are never destroyed, so they pass
 * through untouched. Every string and list is capped because cards come from strangers.
 */

const LONG_TEXT_MAX = 64 * 1024;
const SHORT_TEXT_MAX = 1024;
const LIST_MAX = 256;

const longText = z.string().max(LONG_TEXT_MAX, `at most ${LONG_TEXT_MAX} characters`);
const shortText = z.string().max(SHORT_TEXT_MAX, `at most ${SHORT_TEXT_MAX} characters`);
const listOf = <T extends z.ZodType>(item: T) => z.array(item).max(LIST_MAX, `at most ${LIST_MAX} entries`);
const extensions = z.record(z.string(), z.unknown());

const LorebookEntry = z.looseObject({
  keys: listOf(shortText),
  content: longText,
  extensions: extensions.default({}),
  enabled: z.boolean(),
  insertion_order: z.number().finite(),
});

const Lorebook = z.looseObject({
  entries: listOf(LorebookEntry),
  extensions: extensions.default({}),
});

const requiredName = shortText.refine((name) => name.trim() !== "", "is required");

/** The fields both versions share. Optional ones default as the spec says they must. */
const sharedData = {
  name: z.string({ error: "is required" }).pipe(requiredName),
  description: longText.default(""),
  personality: longText.default(""),
  scenario: longText.default(""),
  first_mes: longText.default(""),
  mes_example: longText.default(""),
  creator_notes: longText.default(""),
  system_prompt: longText.default(""),
  post_history_instructions: longText.default(""),
  alternate_greetings: listOf(longText).default([]),
  character_book: Lorebook.optional(),
  tags: listOf(shortText).default([]),
  creator: shortText.default(""),
  character_version: shortText.default(""),
  extensions: extensions.default({}),
};

export const CardDataV2 = z.looseObject(sharedData);

export const CardDataV3 = z.looseObject({
  ...sharedData,
  nickname: shortText.optional(),
  creator_notes_multilingual: z.record(z.string().max(35), longText).optional(),
  source: listOf(shortText).optional(),
  group_only_greetings: listOf(longText).default([]),
  /** Unix seconds. */
  creation_date: z.number().finite().optional(),
  modification_date: z.number().finite().optional(),
  assets: listOf(z.looseObject({ type: shortText, uri: z.string().max(LONG_TEXT_MAX), name: shortText, ext: shortText })).optional(),
});

/** The keys V3 added to `data`; a V2 export leaves them out. */
export const V3_ONLY_KEYS = [
  "nickname",
  "creator_notes_multilingual",
  "source",
  "group_only_greetings",
  "creation_date",
  "modification_date",
  "assets",
] as const;

export const CardV2 = z.object({ spec: z.literal("chara_card_v2"), spec_version: z.literal("2.0").default("2.0"), data: CardDataV2 });
export const CardV3 = z.object({ spec: z.literal("chara_card_v3"), spec_version: z.string().regex(/^3\.\d+$/, 'must be "3.0"'), data: CardDataV3 });

export type CardDataV2 = z.infer<typeof CardDataV2>;
export type CardDataV3 = z.infer<typeof CardDataV3>;
export type CharacterCard = z.infer<typeof CardV2> | z.infer<typeof CardV3>;
export type CardSpec = CharacterCard["spec"];
