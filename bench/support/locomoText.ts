import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Every turn's text and every question of the LoCoMo conversations in `zip` (locomo10.zip). */
export function readLocomoText(zip: string): { turns: string[]; questions: string[] } {
  const work = mkdtempSync(path.join(tmpdir(), "kindred-locomo-text-"));
  try {
    execFileSync("unzip", ["-q", path.resolve(zip), "-d", work]);
    const dir = path.join(work, "data/multimodal_dialog/locomo10_v2");
    const turns: string[] = [];
    const questions: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const conversation = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown> & { qa: Array<{ question: string }> };
      for (let n = 1; Array.isArray(conversation[`session_${n}`]); n++) {
        for (const turn of conversation[`session_${n}`] as Array<{ text: string }>) turns.push(turn.text);
      }
      questions.push(...conversation.qa.map((q) => q.question));
    }
    return { turns, questions };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
