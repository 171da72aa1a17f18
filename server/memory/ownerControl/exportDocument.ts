import { z } from "zod";
import { PersonaBlueprint } from "../../../shared/persona";
import { FACT_KINDS } from "../facts/fact";

/**
 * The one JSON document a companion's owner downloads and can import elsewhere: the persona and
 * everything the companion remembers about its owner. Vectors are left out (they are recomputed
 * from the text by whatever model the importing server runs). Ids inside are the exporting
 * server's: import gives every row a new id and rewrites the references between them.
 */
export const EXPORT_FORMAT = "kindred.companion-export";
export const EXPORT_FORMAT_VERSION = 1;

const timestamp = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" });
const id = z.uuid({ message: "must be a UUID" });
const unit = z.number().min(0, "must be within 0..1").max(1, "must be within 0..1");
const count = z.number().int().min(0);

export const ExportedMemory = z
  .object({
    id,
    kind: z.enum(["episode", "reflection", "milestone"]),
    text: z.string().trim().min(1, "must not be empty").max(20_000),
    speaker: z.string().max(200).nullable(),
    /** The exporting server's user id of who said it (the owner's is rewritten on import). */
    speakerId: id.nullable(),
    participants: z.array(z.string().max(200)).max(100),
    emotion: z.string().max(40).nullable(),
    interrupted: z.boolean(),
    happenedAt: timestamp,
    visibility: z.enum(["private", "shared"]),
    world: z.string().max(200).nullable(),
    place: z.string().max(500).nullable(),
    importance: unit,
    sourceTurn: z.string().max(200).nullable(),
    /** The neighbouring turns' text, kept as search context. */
    beforeText: z.string().max(20_000),
    afterText: z.string().max(20_000),
  })
  .strict();
export type ExportedMemory = z.infer<typeof ExportedMemory>;

export const ExportedFact = z
  .object({
    id,
    kind: z.enum(FACT_KINDS),
    subject: z.string().trim().min(1, "must not be empty").max(120),
    value: z.string().trim().min(1, "must not be empty").max(300),
    confidence: unit,
    planDate: z.iso.date({ message: "must be YYYY-MM-DD" }).nullable(),
    sourceEpisodes: z.array(id).max(1000),
    validFrom: timestamp,
    supersededBy: id.nullable(),
    supersededAt: timestamp.nullable(),
  })
  .strict();
export type ExportedFact = z.infer<typeof ExportedFact>;

export const ExportedRelationship = z
  .object({
    closeness: unit,
    trust: unit,
    mood: z.number().min(-1, "must be within -1..1").max(1, "must be within -1..1"),
    interactions: count,
    conversations: count,
    personalShares: count,
    firstMet: timestamp,
    lastSeen: timestamp,
    milestones: z.array(z.string().regex(/^[a-z0-9_]{1,64}$/, "a milestone id like first_meeting")).max(1000),
  })
  .strict();
export type ExportedRelationship = z.infer<typeof ExportedRelationship>;

/** What the memory side of an export holds (the persona is the companion service's). */
export const ExportedMemories = z.object({
  memories: z.array(ExportedMemory),
  facts: z.array(ExportedFact),
  relationship: ExportedRelationship.nullable(),
});
export type ExportedMemories = z.infer<typeof ExportedMemories>;

export const CompanionExport = ExportedMemories.extend({
  format: z.literal(EXPORT_FORMAT, { message: `not a Kindred companion export (format must be "${EXPORT_FORMAT}")` }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, { message: `unsupported formatVersion: this server reads version ${EXPORT_FORMAT_VERSION}` }),
  exportedAt: timestamp,
  /** The exporting server's id of the owner: their own words are theirs again after import. */
  ownerId: id,
  companion: z.object({
    id,
    name: z.string(),
    version: z.number().int().min(1),
    persona: PersonaBlueprint,
    /** Every persona it had, newest first; kept for the owner's records, not re-created on import. */
    personaVersions: z.array(z.object({ version: z.number().int().min(1), persona: z.unknown(), createdAt: timestamp })),
  }),
}).strict();
export type CompanionExport = z.infer<typeof CompanionExport>;
