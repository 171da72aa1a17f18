import { z } from "zod";
import { FACT_KINDS } from "./fact";

/** One fact as any extractor must give it: the store refuses anything else. */
export const FactCandidateSchema = z
  .object({
    kind: z.enum(FACT_KINDS),
    subject: z.string().trim().min(1, "subject must not be empty").max(120, "subject must be at most 120 characters"),
    value: z.string().trim().min(1, "value must not be empty").max(300, "value must be at most 300 characters"),
    confidence: z.number().min(0, "confidence must be within 0..1").max(1, "confidence must be within 0..1"),
    planDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "planDate must be YYYY-MM-DD")
      .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)), "planDate must be a real date")
      .optional(),
  })
  .strict();

/** What the model is asked to return (its JSON schema is in the extraction prompt). */
export const ExtractedFacts = z.object({ facts: z.array(FactCandidateSchema).max(10) }).strict();
export type ExtractedFacts = z.infer<typeof ExtractedFacts>;
