import { z } from "zod";
import { FactCandidateSchema } from "../facts/factSchema";

/** What an owner may ask of the ledger, checked before anything is read or changed. */

const atLeastOne = (value: object) => Object.values(value).some((v) => v !== undefined);
const NOTHING_TO_CHANGE = "nothing to change: send at least one field";

export const MemoryListQuery = z
  .object({
    q: z.string().max(200, "q must be at most 200 characters").optional(),
    kind: z.enum(["episode", "reflection", "milestone"], { message: "kind must be episode, reflection or milestone" }).optional(),
    limit: z.coerce.number({ message: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be 1..200").max(200, "limit must be 1..200").default(50),
    before: z.string().optional(),
  })
  .strict();

export const MemoryEditBody = z
  .object({
    text: z.string().trim().min(1, "text must not be empty").max(20_000, "text must be at most 20000 characters").optional(),
    visibility: z.enum(["private", "shared"], { message: "visibility must be private or shared" }).optional(),
    importance: z.number().min(0, "importance must be within 0..1").max(1, "importance must be within 0..1").optional(),
  })
  .strict()
  .refine(atLeastOne, NOTHING_TO_CHANGE);

const { value, confidence, planDate } = FactCandidateSchema.shape;

export const FactEditBody = z
  .object({ value: value.optional(), confidence: confidence.optional(), planDate: planDate.unwrap().nullable().optional() })
  .strict()
  .refine(atLeastOne, NOTHING_TO_CHANGE);

export const ImportQuery = z
  .object({
    mode: z.enum(["merge", "replace"], { message: "mode must be merge or replace" }).default("merge"),
    persona: z.enum(["apply", "keep"], { message: "persona must be apply or keep" }).default("apply"),
  })
  .strict();
