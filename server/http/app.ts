import { Hono } from "hono";
import type { Identity } from "../auth";
import type { AvatarService } from "../avatars";
import type { CompanionService } from "../companions";
import type { LlmStatus } from "../../shared/llm";
import type { Logger } from "../logging";
import type { OwnerLedger } from "../memory";
import type { Metrics, RoomCounts } from "../metrics";
import type { WorldCatalog } from "../worlds";
import { handleErrors, jsonError } from "./errors";
import { authRoutes } from "./routes/auth";
import { avatarPresetRoutes, avatarRoutes } from "./routes/avatars";
import { companionRoutes } from "./routes/companions";
import { healthRoutes } from "./routes/health";
import { llmRoutes } from "./routes/llm";
import { memoryRoutes } from "./routes/memories";
import { metricsRoutes } from "./routes/metrics";
import { NO_SPEECH, speechRoutes, type SpeechStatusSources } from "./routes/speech";
import { clientRoutes, worldAssetRoutes } from "./routes/staticFiles";
import { worldRoutes } from "./routes/worlds";
import { VOICE_ASSETS_ROUTE, voiceAssetRoutes } from "./routes/voiceAssets";
import { XR_INPUT_PROFILES_ROUTE, xrInputProfileRoutes } from "./routes/xrAssets";
import { limitBody } from "./validate";

export interface HttpAppDeps {
  identity: Identity;
  companions: CompanionService;
  /** Uploaded VRM avatars. */
  avatars: AvatarService;
  /** The generated preset avatars (`avatars/presets`), served at `/avatars/presets/<id>.vrm`. */
  avatarPresetsDir: string;
  worlds: WorldCatalog;
  metrics: Metrics;
  readCounts: () => RoomCounts;
  logger: Logger;
  /** The built web client (dist/client). */
  clientDir: string;
  /** World files; their assets are served from `<worldsDir>/assets`. */
  worldsDir: string;
  /** Colyseus matchmaking (`/matchmake/*`), answered by the game server's router. */
  matchmake?: (request: Request) => Promise<Response>;
  /** The companions' language model and how far the embedded one is; absent: reported as none. */
  llmStatus?: () => LlmStatus;
  /** What companions remember about their owners, for the owners' ledger; absent: no ledger routes. */
  ownerLedger?: OwnerLedger;
  /** The voice engine and the speech recognizer, for /api/speech/status; absent: reported as neither. */
  speechStatus?: SpeechStatusSources;
}

const API_BODY_LIMIT_BYTES = 16 * 1024;

/** Everything HTTP on the one port except the WebSocket upgrade, which Colyseus takes. */
export function createHttpApp(deps: HttpAppDeps) {
  const app = new Hono();
  app.onError(handleErrors(deps.logger));
  const apiBodyLimit = limitBody(API_BODY_LIMIT_BYTES);
  // The companions router sets its own limits: a card upload is an image, and a persona may carry its card.
  // The avatars router too: a VRM upload is capped by its own setting.
  const ownLimits = (path: string) => path.startsWith("/api/companions/") || path.startsWith("/api/avatars");
  app.use("/api/*", (c, next) => (ownLimits(c.req.path) ? next() : apiBodyLimit(c, next)));
  app.route("/api/auth", authRoutes(deps.identity));
  app.route("/api/companions", companionRoutes(deps.identity, deps.companions));
  if (deps.ownerLedger) app.route("/api/companions", memoryRoutes(deps.identity, deps.companions, deps.ownerLedger));
  app.route("/api/worlds", worldRoutes(deps.worlds));
  app.route("/api/llm", llmRoutes(deps.llmStatus ?? (() => ({ provider: "none", state: "none", progress: 0 }))));
  app.route("/api/speech", speechRoutes(deps.speechStatus ?? NO_SPEECH));
  app.route("/api/avatars", avatarRoutes(deps.identity, deps.avatars));
  app.all("/api/*", (c) => jsonError(c, 404, `no API route ${c.req.method} ${c.req.path}`));
  app.route("/healthz", healthRoutes(deps.readCounts));
  app.route("/metrics", metricsRoutes(deps.metrics));
  const matchmake = deps.matchmake;
  if (matchmake) app.all("/matchmake/*", (c) => matchmake(c.req.raw));
  app.route("/worlds/assets", worldAssetRoutes(deps.worldsDir));
  app.route("/avatars/presets", avatarPresetRoutes(deps.avatarPresetsDir));
  app.route(XR_INPUT_PROFILES_ROUTE, xrInputProfileRoutes());
  app.route(VOICE_ASSETS_ROUTE, voiceAssetRoutes());
  app.route("/", clientRoutes(deps.clientDir));
  return app;
}
