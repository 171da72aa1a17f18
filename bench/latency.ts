/**
 * `npm run bench -- latency [--turns 50] [--ttft 300] [--token-ms 20] [--world plaza] [--tts formant|kokoro|auto|none]`
 *
 * Starts the scripted OpenAI-compatible server here and the real server in its own process,
 * pointed at it; joins as a guest with the real SDK and chats with the companion. Each turn the
 * model answers with a fixed time to first token and a fixed time per token, and the benchmark
 * measures "chat line sent → first `companion:sentence`". What the model itself must take (time
 * to first token + the first sentence's tokens) is known from the script; the rest is the
 * pipeline's overhead: HTTP to the model, sentence splitting, the room, the WebSocket.
 * It is split by the scripted model's own clock: `toModelMs` (line sent → the model has the
 * request: storing the line, recall, the prompt), `fromModelMs` (the model wrote the first
 * sentence's last token → that sentence arrives: streaming plumbing), and `scriptedModelLagMs`
 * (how late the scripted model's own timers ran: this process's load, not the server's work).
 *
 * With a TTS engine (`--tts`, formant by default: offline, always there) it also measures "chat
 * line sent → first `companion:audio` chunk" of the reply: the first sentence synthesised in the
 * engine's worker while the model still writes the rest.
 */
import { parseArgs } from "node:util";
import { ClientMessage, ServerMessage, type CompanionDoneEvent, type CompanionSentenceEvent } from "../shared/protocol";
import type { CompanionAudioEvent } from "../shared/speech";
import { startScriptedLlmServer, streamOf } from "../tests/support/scriptedLlmServer";
import { joinAsCompanionOwner, type CompanionOwner } from "./support/companionOwner";
import { percentile } from "./support/processStats";
import { startServerProcess } from "./support/serverProcess";

/**
 * The reply every turn. Its first sentence is 10 whitespace-split tokens (the tag and nine words)
 * with no clause mark, so the server cannot release a shorter piece of it first.
 */
const REPLY =
  "[happy] I was just thinking about the fountain over there. It has been running all morning and the birds love it. " +
  "Do you want to walk over and take a look?";
/** The server allows 5 chat lines per 5 s (refilled at one a second): turns never start faster. */
const MIN_TURN_SPACING_MS = 1050;
/** Not measured: the first turn opens the connection to the model and warms the JIT. */
const WARMUP_TURNS = 1;

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      turns: { type: "string", default: "50" },
      ttft: { type: "string", default: "300" },
      "token-ms": { type: "string", default: "20" },
      world: { type: "string", default: "plaza" },
      tts: { type: "string", default: "formant" },
    },
  });
  const turns = Number(values.turns);
  const ttftMs = Number(values.ttft);
  const tokenMs = Number(values["token-ms"]);
  if (!Number.isInteger(turns) || turns <= 0 || !(ttftMs >= 0) || !(tokenMs >= 0)) {
    throw new Error("--turns must be a positive integer; --ttft and --token-ms non-negative numbers of ms");
  }
  const firstSentenceTokens = REPLY.split(/(?<=\s)/).findIndex((token) => /[.!?]\s*$/.test(token)) + 1;
  // The scripted server sends the first token after `ttft`, then one token every `tokenMs`.
  const modelMs = ttftMs + (firstSentenceTokens - 1) * tokenMs;
  const turnTimeoutMs = 10_000 + ttftMs + 100 * tokenMs;
  const tts = String(values.tts);
  const voiced = tts !== "none";

  const llm = await startScriptedLlmServer();
  const server = await startServerProcess({
    KINDRED_LLM: "openai",
    KINDRED_LLM_BASE_URL: llm.baseURL,
    KINDRED_LLM_MODEL: llm.model,
    KINDRED_TTS: tts,
    // Memory's own model calls (facts, summaries) would take the replies scripted for the turns.
    KINDRED_MEMORY_MODEL: "off",
    LOG_LEVEL: "warn",
  });
  let owner: CompanionOwner | undefined;
  try {
    owner = await joinAsCompanionOwner(server.url, "bench-latency", String(values.world));
    process.stderr.write(`joined ${server.url}; ${WARMUP_TURNS} warm-up + ${turns} turns (ttft ${ttftMs} ms, ${tokenMs} ms/token) …\n`);
    const measured: number[] = [];
    const firstAudio: number[] = [];
    const toModel: number[] = [];
    const fromModel: number[] = [];
    const modelLag: number[] = [];
    /** The newest utterance whose audio was counted: audio of an earlier reply never counts. */
    const voice = { voiced, lastUtterance: 0 };
    for (let turn = 0; turn < WARMUP_TURNS + turns; turn++) {
      const startedAt = performance.now();
      llm.enqueue(streamOf(REPLY, { delayMs: tokenMs, firstTokenDelayMs: ttftMs }));
      const ms = await oneTurn(owner, `turn ${turn}: what are you up to?`, turnTimeoutMs, voice);
      if (turn >= WARMUP_TURNS) {
        measured.push(ms.firstSentence);
        if (ms.firstAudio !== undefined) firstAudio.push(ms.firstAudio);
        // Where the overhead lies: before the model has the request, and after it wrote the sentence's last token.
        const request = llm.requests.at(-1)!;
        const lastToken = request.writtenAt[firstSentenceTokens - 1]!;
        toModel.push(request.receivedAt - ms.sentAt);
        fromModel.push(ms.sentAt + ms.firstSentence - lastToken);
        modelLag.push(lastToken - request.receivedAt - modelMs);
      }
      const label = turn < WARMUP_TURNS ? "warm-up" : `turn ${turn + 1 - WARMUP_TURNS}/${turns}`;
      const audio = ms.firstAudio === undefined ? "" : `, ${ms.firstAudio.toFixed(1)} ms to the first audio`;
      process.stderr.write(`\r  ${label}: ${ms.firstSentence.toFixed(1)} ms to the first sentence${audio}   `);
      const wait = MIN_TURN_SPACING_MS - (performance.now() - startedAt);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    process.stderr.write("\n");
    const overheads = measured.map((ms) => ms - modelMs);
    return {
      turns,
      ttftMs,
      tokenMs,
      firstSentenceTokens,
      modelMs,
      firstSentenceMs: { p50: percentile(measured, 50), p95: percentile(measured, 95) },
      overheadMs: { p50: percentile(overheads, 50), p95: percentile(overheads, 95) },
      toModelMs: { p50: percentile(toModel, 50), p95: percentile(toModel, 95) },
      fromModelMs: { p50: percentile(fromModel, 50), p95: percentile(fromModel, 95) },
      scriptedModelLagMs: { p50: percentile(modelLag, 50), p95: percentile(modelLag, 95) },
      tts,
      ...(voiced ? { firstAudioMs: { p50: percentile(firstAudio, 50), p95: percentile(firstAudio, 95) } } : {}),
      count: measured.length,
    };
  } finally {
    await owner?.leave();
    await server.stop();
    await llm.close();
  }
}

interface TurnTimes {
  /** performance.now() when the line was sent. */
  sentAt: number;
  firstSentence: number;
  /** Present when the reply is voiced. */
  firstAudio?: number;
}

/**
 * Says `text` and waits for the whole reply (and, when `voiced`, its first audio chunk); resolves
 * with the ms to its first sentence and first audio. Audio of an earlier reply (a later utterance
 * id is a newer reply) is not counted.
 */
async function oneTurn(owner: CompanionOwner, text: string, timeoutMs: number, voice: { voiced: boolean; lastUtterance: number }): Promise<TurnTimes> {
  const { voiced } = voice;
  const { room, companionId } = owner;
  const unbind: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sentAt = 0;
  try {
    const reply = new Promise<TurnTimes>((resolve, reject) => {
      let firstSentenceMs: number | undefined;
      let firstAudioMs: number | undefined;
      let done = false;
      const finish = () => {
        if (done && firstSentenceMs !== undefined && (!voiced || firstAudioMs !== undefined)) resolve({ sentAt, firstSentence: firstSentenceMs, firstAudio: firstAudioMs });
      };
      unbind.push(
        room.onMessage(ServerMessage.CompanionSentence, (e: CompanionSentenceEvent) => {
          if (e.companionId === companionId && firstSentenceMs === undefined) firstSentenceMs = performance.now() - sentAt;
        }),
        room.onMessage(ServerMessage.CompanionAudio, (e: CompanionAudioEvent) => {
          if (e.companionId !== companionId || e.utteranceId <= voice.lastUtterance || firstAudioMs !== undefined) return;
          firstAudioMs = performance.now() - sentAt;
          voice.lastUtterance = e.utteranceId;
          finish();
        }),
        room.onMessage(ServerMessage.CompanionAudioStop, () => undefined),
        room.onMessage(ServerMessage.CompanionDone, (e: CompanionDoneEvent) => {
          if (e.companionId !== companionId) return;
          if (e.interrupted || firstSentenceMs === undefined) return reject(new Error(`the reply to "${text}" ended early: "${e.text}"`));
          done = true;
          finish();
        }),
        room.onMessage(ServerMessage.Chat, () => undefined),
      );
      timer = setTimeout(() => reject(new Error(`no complete ${voiced ? "voiced " : ""}reply to "${text}" within ${timeoutMs} ms`)), timeoutMs);
    });
    sentAt = performance.now();
    room.send(ClientMessage.Chat, { text });
    return await Promise.race([reply, owner.refused]);
  } finally {
    clearTimeout(timer);
    for (const off of unbind) off();
  }
}
