import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../bench/memory-locomo";
import { writeTinyBertModel } from "../support/tinyBertModel";
import { makeTempDir } from "../server/support/tempDir";

const temp = makeTempDir("kindred-locomo-flag-");
afterAll(() => temp.remove());

/** A LoCoMo-shaped zip with one conversation: one question full-text answers, one only meaning does. */
function writeLocomoZip(): string {
  const dir = path.join(temp.path, "data/multimodal_dialog/locomo10_v2");
  mkdirSync(dir, { recursive: true });
  const turn = (n: number, speaker: string, text: string) => ({ speaker, dia_id: `D1:${n}`, text });
  writeFileSync(
    path.join(dir, "1.json"),
    JSON.stringify({
      speaker_a: "Ana",
      speaker_b: "Ben",
      session_1_date_time: "1:56 pm on 8 May, 2023",
      session_1: [
        turn(1, "Ana", "My kitten knocked over the lamp again"),
        turn(2, "Ben", "We drove to the lake for a picnic"),
        turn(3, "Ana", "The violin lessons start on Monday"),
        turn(4, "Ben", "I bought green paint for the fence"),
        turn(5, "Ana", "The office coffee machine broke"),
        turn(6, "Ben", "Our garden has tomatoes now"),
      ],
      qa: [
        { question: "Which instrument lessons start soon?", evidence: ["D1:3"], category: 4 },
        { question: "What did the feline break?", evidence: ["D1:1"], category: 4 },
      ],
    }),
  );
  const zip = path.join(temp.path, "locomo-mini.zip");
  execFileSync("zip", ["-q", "-r", zip, "data"], { cwd: temp.path });
  return zip;
}

describe("npm run bench -- memory-locomo --embeddings <dir>", () => {
  it("embeds every turn with the model in the directory and recalls by meaning as well as by words", { timeout: 120_000 }, async () => {
    const zip = writeLocomoZip();
    const model = writeTinyBertModel(path.join(temp.path, "tiny"));
    const fullText = await main(["--zip", zip]);
    const hybrid = await main(["--zip", zip, "--embeddings", model]);
    expect(fullText).toMatchObject({ turns: 6, questions: 2 });
    expect(fullText).not.toHaveProperty("embeddingModel");
    // "feline" shares no word with "kitten": only the vector side finds that turn.
    expect(fullText.recall).toMatchObject({ at5: 0.5 });
    expect(hybrid).toMatchObject({ turns: 6, questions: 2, embeddingModel: model, recall: { at5: 1 } });
  });

  it("stops with a clear error, before any work, when the directory holds no model", async () => {
    await expect(main(["--zip", path.join(temp.path, "never-read.zip"), "--embeddings", path.join(temp.path, "nothing")])).rejects.toThrow(/nothing is not a model directory/);
  });
});
