import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible chat completions server whose answers a test scripts in advance: streamed
 * tokens with chosen delays, pauses the test releases, HTTP errors, hangs, truncated or malformed
 * streams. It records every request so tests can assert the prompt and see cancellations.
 */

/** One piece of a streamed answer. */
export type ScriptedPiece =
  | string
  /** A token sent after a delay. */
  | { text: string; delayMs: number }
  /** Sending stops until the promise settles: lets a test observe the middle of a stream. */
  | { pause: Promise<unknown> };

/** How a streamed answer ends after its pieces. */
export type StreamEnding =
  /** finish_reason "stop", then [DONE] (a well-behaved server). */
  | "done"
  /** The response ends cleanly but without finish_reason or [DONE]. */
  | "truncate"
  /** A chunk that is not JSON, then the connection stays open. */
  | "malformed"
  /** An `{"error": …}` chunk, as some servers send mid-stream. */
  | "error-chunk"
  /** The socket is destroyed mid-response. */
  | "reset"
  /** Nothing more is ever sent (a stuck model). */
  | "hang";

export type ScriptedResponse =
  | { type: "stream"; pieces: ScriptedPiece[]; delayMs?: number; firstTokenDelayMs?: number; ending?: StreamEnding }
  | { type: "status"; status: number; body?: unknown }
  /** Accepts the request and never answers, not even headers. */
  | { type: "hang" };

export interface RecordedRequest {
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    stream?: boolean;
    max_tokens?: number;
    temperature?: number;
  };
  headers: http.IncomingHttpHeaders;
  /** True once the client closed the connection before the answer was complete. */
  closedEarly: boolean;
  /** Settles when the connection is closed, whoever closed it. */
  closed: Promise<void>;
  /** True once the server sent the whole scripted answer. */
  completed: boolean;
  /** performance.now() when the request was read, and when each text piece was written: the scripted model's own timing. */
  receivedAt: number;
  writtenAt: number[];
}

export interface ScriptedLlmServer {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseURL: string;
  model: string;
  requests: RecordedRequest[];
  /** Queues answers for the next requests, in order. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Forgets queued answers and recorded requests, so one test's leftovers cannot shift the next. */
  reset(): void;
  /** The answer once the queue is empty. */
  fallback: ScriptedResponse;
  close(): Promise<void>;
}

export function streamOf(text: string, options: Omit<Extract<ScriptedResponse, { type: "stream" }>, "type" | "pieces"> = {}): ScriptedResponse {
  return { type: "stream", pieces: text.split(/(?<=\s)/), ...options };
}

export async function startScriptedLlmServer(model = "scripted-model"): Promise<ScriptedLlmServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const api: ScriptedLlmServer = {
    baseURL: "",
    model,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    fallback: streamOf("Hello there."),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    void route(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === "GET" && req.url === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: model, object: "model", created: 0, owned_by: "tests" }] });
    }
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return sendJson(res, 404, { error: { message: "not found" } });
    const record = recordRequest(req, res, await readJson(req));
    requests.push(record);
    const response = queue.shift() ?? api.fallback;
    if (response.type === "hang") return;
    if (response.type === "status") {
      sendJson(res, response.status, response.body ?? { error: { message: `scripted ${response.status}`, type: "server_error" } });
      record.completed = true;
      return;
    }
    await sendStream(res, response, record);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return api;
}

function recordRequest(req: http.IncomingMessage, res: http.ServerResponse, body: RecordedRequest["body"]): RecordedRequest {
  let markClosed!: () => void;
  const record: RecordedRequest = {
    body,
    headers: req.headers,
    closedEarly: false,
    completed: false,
    receivedAt: performance.now(),
    writtenAt: [],
    closed: new Promise<void>((resolve) => (markClosed = resolve)),
  };
  res.on("close", () => {
    if (!record.completed) record.closedEarly = true;
    markClosed();
  });
  return record;
}

async function sendStream(res: http.ServerResponse, script: Extract<ScriptedResponse, { type: "stream" }>, record: RecordedRequest): Promise<void> {
  const ending = script.ending ?? "done";
  const alive = () => !record.closedEarly && !res.destroyed;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.flushHeaders();
  if (script.firstTokenDelayMs) await sleep(script.firstTokenDelayMs);
  for (const [index, piece] of script.pieces.entries()) {
    if (typeof piece === "object" && "pause" in piece) {
      await piece.pause.catch(() => undefined);
      continue;
    }
    const delay = typeof piece === "string" ? (index > 0 ? script.delayMs : 0) : piece.delayMs;
    if (delay) await sleep(delay);
    if (!alive()) return;
    res.write(chunk({ content: typeof piece === "string" ? piece : piece.text }, null));
    record.writtenAt.push(performance.now());
  }
  if (!alive()) return;
  switch (ending) {
    case "done":
      res.write(chunk({}, "stop"));
      res.write("data: [DONE]\n\n");
      record.completed = true;
      res.end();
      return;
    case "truncate":
      record.completed = true;
      res.end();
      return;
    case "malformed":
      res.write('data: {"id": "broken", "choices": [\n\n');
      return;
    case "error-chunk":
      res.write(`data: ${JSON.stringify({ error: { message: "the model crashed", type: "server_error" } })}\n\n`);
      record.completed = true;
      res.end();
      return;
    case "reset":
      res.destroy();
      return;
    case "hang":
      return;
  }
}

let chunkCounter = 0;
function chunk(delta: { content?: string }, finishReason: string | null): string {
  const payload = {
    id: `chatcmpl-${++chunkCounter}`,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model: "scripted-model",
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<RecordedRequest["body"]> {
  let raw = "";
  for await (const part of req) raw += part;
  return raw ? (JSON.parse(raw) as RecordedRequest["body"]) : {};
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
