import { mkdirSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { matchMaker, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { getRequestListener } from "@hono/node-server";
import { WORLD_ROOM } from "../shared/protocol";
import { VOICE_SEGMENT_MAX_BYTES } from "../shared/speech";
import { createIdentity, loadOrCreateSecret } from "./auth";
import { createAvatarService } from "./avatars";
import { createCompanionService } from "./companions";
import { defaultConfig, type Config } from "./config";
import { createHttpApp } from "./http";
import { languageModelStatus, selectLanguageModel, type LanguageModelChoice } from "./llm";
import { createLogger, type Logger } from "./logging";
import { estimateTokens } from "./companion";
import { createCompanionMemory, createMemoryEmbeddings, createOwnerLedger, type MemoryEmbeddings } from "./memory";
import { createMetrics, type RoomCounts } from "./metrics";
import { createWorldRoom, ensureGlobalWebSocket } from "./rooms";
import { createSpeechRecognizer, selectTtsEngine, type SpeechRecognizer, type TtsEngine } from "./speech";
import { migrate, MIGRATIONS, openDatabase, type Database } from "./storage";
import { certificateNames, loadOrCreateCertificate, type ServerCertificate } from "./tls";
import { loadWorlds } from "./worlds";

export interface StartServerOptions extends Partial<Config> {
  /** The built web client; default `<cwd>/dist/client`. */
  clientDir?: string;
  /** The generated preset avatars; default `<cwd>/avatars/presets`. */
  avatarPresetsDir?: string;
  /** An open database to use (and close on shutdown) instead of opening the configured one. */
  database?: Database;
  logger?: Logger;
  /** A TTS engine to speak with instead of the configured one (closed on shutdown). */
  speechEngine?: TtsEngine;
  /** A speech recognizer to hear with instead of the configured one (closed on shutdown). */
  speechRecognizer?: SpeechRecognizer;
}

/**
 * The largest WebSocket message a client may send: twice the longest voice segment allowed (16-bit
 * PCM). A larger message costs the sender its connection (close 1009); everything up to this is
 * read, so a segment too long (the client cuts at the limit; an older or broken one may not) gets
 * the room's clear `voice:segment` error instead. (The transport's default, 4 KiB, holds a tenth
 * of a second of speech.)
 */
const MAX_CLIENT_MESSAGE_BYTES = 2 * VOICE_SEGMENT_MAX_BYTES;

export interface RunningServer {
  /** Where this process can reach the server, e.g. http://127.0.0.1:8080 (https:// with `https`) */
  url: string;
  /** The self-signed certificate it serves, when `https` is on. */
  certificate: ServerCertificate | undefined;
  port: number;
  config: Config;
  gameServer: Server;
  /** What companions think with, and why (e.g. why there is no model). */
  languageModel: Pick<LanguageModelChoice, "source" | "description">;
  /** Memory embeddings (loaded lazily, embedding in the background); recall takes it as `embeddings`. */
  memoryEmbeddings: MemoryEmbeddings;
  /** Closes rooms, then the HTTP server, then the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Kindred on one port: Hono answers HTTP (API, client, assets, matchmaking), Colyseus takes the
 * WebSocket upgrades. Options not given take their defaults (not the environment: that is the
 * CLI's job, so tests and benchmarks get exactly what they ask for).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { clientDir = path.resolve("dist/client"), avatarPresetsDir = path.resolve("avatars/presets"), database, logger: givenLogger, speechEngine, speechRecognizer, ...overrides } = options;
  const config: Config = { ...defaultConfig(), ...definedOnly(overrides) };
  const logger = givenLogger ?? createLogger(config.logLevel);

  const worlds = loadWorlds(config.worldsDir);
  if (!worlds.get(config.defaultWorld)) {
    throw new Error(`KINDRED_DEFAULT_WORLD is "${config.defaultWorld}" but ${config.worldsDir} has no ${config.defaultWorld}.json`);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const db = database ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl })).db;
  // Speech runs beside the server (a worker thread, child processes): a failed start must end them too, or the process never exits.
  let tts: TtsEngine | undefined;
  let listening: SpeechRecognizer | undefined;
  try {
    if (database) await migrate(db, MIGRATIONS);
    const identity = createIdentity(db, loadOrCreateSecret(config.dataDir));
    const companions = createCompanionService(db);
    const memoryEmbeddings = createMemoryEmbeddings({
      db,
      model: config.embeddingModel,
      dataDir: config.dataDir,
      logger: logger.child({ module: "embeddings" }),
      terminal: process.stderr.isTTY ? process.stderr : null,
      // PostgreSQL's own HNSW is fast, and several server processes may write to it: no local copy there.
      vectorIndexDir: db.kind === "pglite" ? path.join(config.dataDir, "vector-index") : undefined,
    });
    const avatars = createAvatarService({ db, dataDir: config.dataDir, maxBytes: Math.floor(config.avatarMaxMegabytes * 1_000_000) });
    const choice = await selectLanguageModel({
      mode: config.llmMode,
      baseUrl: config.llmBaseUrl,
      apiKey: config.llmApiKey,
      model: config.llmModel,
      ollamaUrl: config.ollamaUrl,
      local: {
        model: config.localModel,
        modelsDir: path.join(config.dataDir, "models"),
        gpu: config.localGpu,
        parallel: config.localParallel,
        queue: config.localQueue,
        showCliProgress: process.stdout.isTTY === true,
      },
    });
    if (choice.model) logger.info({ model: choice.model.id }, `companions think with ${choice.description}`);
    else logger.warn(`companions have no language model: ${choice.description}`);
    const memory = createCompanionMemory({
      db,
      log: logger.child({ module: "memory" }),
      model: choice.model,
      useModel: config.memoryUsesModel,
      reflectEveryLines: config.memoryReflectLines,
      recallBudgetTokens: config.memoryRecallTokens,
      estimateTokens,
      embeddings: memoryEmbeddings,
    });
    const terminal = process.stderr.isTTY ? process.stderr : null;
    // Each engine synthesises in its own worker; `auto` speaks formant at once while Kokoro downloads.
    const selectedTts = speechEngine ? undefined : await selectTtsEngine(config, { log: logger.child({ module: "tts" }), terminal });
    tts = speechEngine ?? selectedTts;
    // Whisper loads (downloading on first use) in the background; until then segments get a clear error.
    const recognizer = speechRecognizer ?? createSpeechRecognizer({ model: config.asrModel, dataDir: config.dataDir, logger: logger.child({ module: "asr" }), terminal });
    listening = recognizer;
    const mind = { model: choice.model, hintedOwners: new Set<string>(), memory, tts, recognizer };
    const readCounts = (): RoomCounts => ({ rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu });

    let gameServer: Server | undefined;
    const app = createHttpApp({
      identity,
      companions,
      avatars,
      avatarPresetsDir,
      worlds,
      metrics: createMetrics(readCounts),
      readCounts,
      logger: logger.child({ module: "http" }),
      clientDir,
      worldsDir: config.worldsDir,
      matchmake: (request) => gameServer!.router.handler(request),
      llmStatus: () => languageModelStatus(choice),
      speechStatus: { tts: () => selectedTts?.status() ?? { engine: tts?.name ?? "none" }, asr: () => recognizer.status() },
      ownerLedger: createOwnerLedger({ db, embeddings: memoryEmbeddings, forgetting: memory.forgetting }),
    });
    const certificate = config.https ? await serverCertificate(config, logger) : undefined;
    const listener = getRequestListener(app.fetch);
    // Colyseus takes the upgrades of either server alike, so rooms ride on WSS when this is HTTPS.
    const httpServer = certificate ? https.createServer({ key: certificate.key, cert: certificate.cert }, listener) : http.createServer(listener);
    ensureGlobalWebSocket();
    gameServer = new Server({
      transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_CLIENT_MESSAGE_BYTES }),
      greet: false,
      gracefullyShutdown: false,
      logger: logger.child({ module: "colyseus" }),
    });
    gameServer
      .define(
        WORLD_ROOM,
        createWorldRoom({ identity, companions, worlds, maxClients: config.maxClients, reconnectSeconds: config.reconnectSeconds, logger, mind }),
      )
      .filterBy(["world"]);

    await listenSharingPort(gameServer, httpServer, config);
    // The world is up; the embedded model downloads and loads behind it (companions say so meanwhile).
    const localModel = choice.source === "local" ? choice.host : undefined;
    const llmLog = logger.child({ module: "llm" });
    localModel?.startInBackground((level, message) => llmLog[level](message));
    const port = (httpServer.address() as AddressInfo).port;
    const url = `${certificate ? "https" : "http"}://${reachableHost(config.host)}:${port}`;
    logger.info({ url, worlds: worlds.list().map((w) => w.id), database: db.kind }, "kindred listening");

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const closed = new Promise((resolve) => httpServer.once("close", resolve));
        // Locks and disposes every room (players are told the server is shutting down),
        // then closes the WebSocket server and the HTTP server.
        await gameServer.gracefullyShutdown(false);
        httpServer.closeAllConnections();
        if (httpServer.listening) await closed;
        // Rooms are gone: their sessions' last summaries are queued; write them before closing.
        await memory.close();
        await localModel?.dispose();
        await tts?.dispose();
        await recognizer?.dispose();
        await memoryEmbeddings.close();
        await db.close();
        logger.info("kindred stopped");
      })());
    const languageModel = { source: choice.source, description: choice.description };
    return { url, certificate, port, config, gameServer, languageModel, memoryEmbeddings, close };
  } catch (error) {
    await tts?.dispose().catch(() => undefined);
    await listening?.dispose().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The stored self-signed certificate, or a new one when there is none or it no longer fits. */
async function serverCertificate(config: Config, logger: Logger): Promise<ServerCertificate> {
  const certificate = await loadOrCreateCertificate({ dir: path.join(config.dataDir, "tls"), names: certificateNames(config.host) });
  const details = { cert: certificate.certPath, sha256: certificate.fingerprint256 };
  if (certificate.status === "created") logger.info(details, "generated a self-signed HTTPS certificate");
  if (certificate.status === "replaced") logger.warn(details, `generated a new self-signed HTTPS certificate: the stored one was unfit, ${certificate.reason}; headsets will ask to accept it again`);
  return certificate;
}

/**
 * Colyseus' listen() binds its router as a catch-all `request` listener on the HTTP server, which
 * would answer every request alongside Hono. Hono routes /matchmake/* to that router itself, so
 * the listener Colyseus adds is removed again once it is there.
 */
async function listenSharingPort(gameServer: Server, httpServer: http.Server, config: Config): Promise<void> {
  const ours = new Set(httpServer.listeners("request"));
  // listen() never settles when binding fails (EADDRINUSE…): the server's error event says so.
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    gameServer.listen(config.port, config.host).then(resolve, reject);
  });
  for (const listener of httpServer.listeners("request")) {
    if (!ours.has(listener)) httpServer.removeListener("request", listener as (...args: unknown[]) => void);
  }
}

function reachableHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
