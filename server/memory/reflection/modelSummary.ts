import { generateText, type LanguageModel } from "../../llm";
import type { SessionLine } from "./offlineSummary";

/** A session summary written by the model; undefined (with the reason logged by the caller) on failure. */
export async function summariseWithModel(
  model: LanguageModel,
  lines: readonly SessionLine[],
  companionName: string,
  signal: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const transcript = lines.map((line) => `${line.speaker}: ${line.text}`).join("\n");
  const outcome = await generateText(model, {
    messages: [
      {
        role: "system",
        content: `You are ${companionName}'s memory. Summarise the conversation below in two or three plain sentences, in the third person: what was talked about, what the owner shared, how it felt. No preamble.`,
      },
      { role: "user", content: transcript },
    ],
    maxTokens: 200,
    temperature: 0.2,
    signal,
  });
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  const text = outcome.text.trim();
  return text ? { ok: true, text } : { ok: false, reason: "the model's summary was empty" };
}
