import { z } from "zod";
import { generateText, type LanguageModel } from "../../llm";
import { describeZodError } from "../../validation";
import type { FactCandidate } from "./fact";
import { ExtractedFacts } from "./factSchema";

export type ModelExtraction = { ok: true; facts: FactCandidate[] } | { ok: false; reason: string };

const SCHEMA = JSON.stringify(z.toJSONSchema(ExtractedFacts));

/**
 * Asks the model for the facts an owner's line states about them, as JSON checked against the
 * same schema the store enforces. Runs in the background; a malformed answer is a reason, never a throw.
 */
export async function extractFactsWithModel(model: LanguageModel, text: string, today: string, signal: AbortSignal): Promise<ModelExtraction> {
  const outcome = await generateText(model, {
    messages: [
      {
        role: "system",
        content: [
          "You extract lasting facts a person states about themselves: things they like or dislike, people in their life (subject: the relation, value: the name), places (subject \"home\" for where they live), plans (with planDate when a date is named), and other facts (birthday, job).",
          "Only facts the person states clearly. No guesses, nothing about anyone else's opinions. An empty list is a fine answer.",
          `Today is ${today}. Write dates as YYYY-MM-DD.`,
          `Answer with JSON only, matching this JSON schema: ${SCHEMA}`,
        ].join("\n"),
      },
      { role: "user", content: text },
    ],
    maxTokens: 400,
    temperature: 0,
    signal,
  });
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  const start = outcome.text.indexOf("{");
  const end = outcome.text.lastIndexOf("}");
  if (start < 0 || end < start) return { ok: false, reason: "the model's answer holds no JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(outcome.text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, reason: `the model's JSON does not parse: ${(error as Error).message}` };
  }
  const parsed = ExtractedFacts.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `the model's facts do not fit the schema: ${describeZodError(parsed.error)}` };
  return { ok: true, facts: parsed.data.facts };
}
