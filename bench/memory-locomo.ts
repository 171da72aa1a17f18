/**
 * `npm run bench -- memory-locomo [--zip ../shared/data/locomo10.zip] [--embeddings <model dir>]`
 *
 * LoCoMo evidence recall: every turn of each conversation is recorded as an episode (with its
 * session date) through the memory module, then every question of categories 1–4 is asked of
 * `recall`; recall@k is the share of the question's evidence turns among the top k.
 * With `--embeddings`, every turn is also embedded with the sentence model in that directory
 * (a transformers.js model folder: config.json, tokenizer files, onnx/model_quantized.onnx) and
 * recall is hybrid: full-text and vector rankings fused.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { createMemoryEmbeddings, recall, recordEpisode, type MemoryEmbeddings } from "../server/memory";
import { migrate, MIGRATIONS, openPglite, type Database } from "../server/storage";
import { percentile } from "./support/processStats";

const KS = [5, 10, 20] as const;
const CATEGORIES = [1, 2, 3, 4] as const;
const CATEGORY_NAMES: Record<number, string> = { 1: "multi_hop", 2: "temporal", 3: "open_domain", 4: "single_hop" };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

interface Turn {
  speaker: string;
  dia_id: string;
  text: string;
  blip_caption?: string;
}
interface Question {
  question: string;
  evidence: string[];
  category: number;
}
type Conversation = Record<string, unknown> & { qa: Question[] };

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { zip: { type: "string", default: "../shared/data/locomo10.zip" }, embeddings: { type: "string" } },
  });
  const modelDir = values.embeddings === undefined ? undefined : path.resolve(values.embeddings);
  // Checked before minutes of ingestion, not after.
  if (modelDir && !existsSync(path.join(modelDir, "config.json"))) throw new Error(`--embeddings: ${modelDir} is not a model directory (no config.json), so the model did not load`);
  const work = mkdtempSync(path.join(tmpdir(), "kindred-locomo-"));
  let db: Database | undefined;
  let embeddings: MemoryEmbeddings | undefined;
  try {
    execFileSync("unzip", ["-q", path.resolve(String(values.zip)), "-d", work]);
    const dataDir = path.join(work, "data/multimodal_dialog/locomo10_v2");
    const files = readdirSync(dataDir).filter((f) => f.endsWith(".json")).sort();
    db = await openPglite({ dataDir: path.join(work, "db") });
    await migrate(db, MIGRATIONS);
    if (modelDir) embeddings = await openEmbeddings(db, modelDir, work);

    const hits = new Map<number, Record<number, number[]>>(CATEGORIES.map((c) => [c, { 5: [], 10: [], 20: [] }]));
    const latencies: number[] = [];
    let turns = 0;
    const ingestStart = performance.now();
    let ingestMs = 0;
    let embedMs = 0;
    for (const file of files) {
      const conversation = JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as Conversation;
      const scope = await ingest(db, conversation);
      turns += scope.turns;
      ingestMs += scope.ms;
      if (embeddings) {
        const embedStarted = performance.now();
        await embeddings.notify();
        embedMs += performance.now() - embedStarted;
      }
      for (const question of conversation.qa) {
        if (!CATEGORIES.includes(question.category as 1) || question.evidence.length === 0) continue;
        const started = performance.now();
        const found = await recall(db, question.question, { ...scope, speakerIsOwner: true, k: 20, embeddings });
        latencies.push(performance.now() - started);
        const ids = found.map((m) => m.sourceTurn);
        for (const k of KS) {
          const top = new Set(ids.slice(0, k));
          hits.get(question.category)![k]!.push(question.evidence.filter((e) => top.has(e)).length / question.evidence.length);
        }
      }
      process.stderr.write(`${file}: ${scope.turns} turns, ${latencies.length} questions so far\n`);
    }

    const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null);
    const all = (k: number) => CATEGORIES.flatMap((c) => hits.get(c)![k]!);
    const recallAt = (pick: (k: number) => number[]) => Object.fromEntries(KS.map((k) => [`at${k}`, mean(pick(k))]));
    return {
      conversations: files.length,
      turns,
      questions: all(5).length,
      recall: recallAt(all),
      byCategory: Object.fromEntries(CATEGORIES.map((c) => [CATEGORY_NAMES[c], { questions: hits.get(c)![5]!.length, ...recallAt((k) => hits.get(c)![k]!) }])),
      recallMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
      ingestSeconds: Math.round(ingestMs / 100) / 10,
      ...(embeddings ? { embeddingModel: modelDir, embedSeconds: Math.round(embedMs / 100) / 10 } : {}),
      totalSeconds: Math.round((performance.now() - ingestStart) / 100) / 10,
    };
  } finally {
    await embeddings?.close();
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The model in `dir`, loaded before the first conversation: a model that cannot load stops the benchmark. */
async function openEmbeddings(db: Database, dir: string, work: string): Promise<MemoryEmbeddings> {
  const embeddings = createMemoryEmbeddings({ db, model: dir, dataDir: work, logger: pino({ level: "warn" }, process.stderr) });
  if (!(await embeddings.load())) throw new Error(`the embedding model in ${dir} did not load (see the warning above)`);
  return embeddings;
}

/** One owner and companion per conversation; every turn recorded in order, one transaction per session. */
async function ingest(db: Database, conversation: Conversation) {
  const ownerId = randomUUID();
  const companionId = randomUUID();
  await db.query("INSERT INTO users (id, name) VALUES ($1, $2)", [ownerId, String(conversation.speaker_a)]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, $3, '{}', 1)", [companionId, ownerId, String(conversation.speaker_b)]);
  const started = performance.now();
  let turns = 0;
  for (let n = 1; Array.isArray(conversation[`session_${n}`]); n++) {
    const happenedAt = parseSessionDate(String(conversation[`session_${n}_date_time`]));
    const session = conversation[`session_${n}`] as Turn[];
    await db.transaction(async (tx) => {
      for (const turn of session) {
        // A shared photo is part of what was said: its caption is what the companion saw.
        const text = turn.blip_caption ? `${turn.text} [shares a photo: ${turn.blip_caption}]` : turn.text;
        await recordEpisode(tx, { ownerId, companionId, text, speaker: turn.speaker, happenedAt, sourceTurn: turn.dia_id });
      }
    });
    turns += session.length;
  }
  return { ownerId, companionId, turns, ms: performance.now() - started };
}

/** "1:56 pm on 8 May, 2023" → a UTC date. */
function parseSessionDate(text: string): Date {
  const m = /(\d{1,2}):(\d{2})\s*(am|pm) on (\d{1,2}) (\w+),? (\d{4})/i.exec(text);
  const month = m ? MONTHS.indexOf(m[5]!.toLowerCase()) : -1;
  if (!m || month < 0) throw new Error(`unrecognised session date "${text}"`);
  const hour = (Number(m[1]) % 12) + (m[3]!.toLowerCase() === "pm" ? 12 : 0);
  return new Date(Date.UTC(Number(m[6]), month, Number(m[4]), hour, Number(m[2])));
}
