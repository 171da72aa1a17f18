import { Hono } from "hono";
import type { Identity } from "../auth";
import type { CompanionService } from "../companions";
import type { Logger } from "../logging";
import type { Metrics, RoomCounts } from "../metrics";
import type { WorldCatalog } from "../worlds";
import { handleErrors, jsonError } from "./errors";
import { authRoutes } from "./routes/auth";
import { companionRoutes } from "./routes/companions";
import { healthRoutes } from "./routes/health";
import { metricsRoutes } from "./routes/metrics";
import { clientRoutes, worldAssetRoutes } from "./routes/staticFiles";
import { worldRoutes } from "./routes/worlds";
import { limitBody } from "./validate";

export interface HttpAppDeps {
  identity: Identity;
  companions: CompanionService;
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
}

const API_BODY_LIMIT_BYTES = 16 * 1024;

/** Everything HTTP on the one port except the WebSocket upgrade, which Colyseus takes. */
export function createHttpApp(deps: HttpAppDeps) {
  const app = new Hono();
  app.onError(handleErrors(deps.logger));
  const apiBodyLimit = limitBody(API_BODY_LIMIT_BYTES);
  // The companions router sets its own limits: a card upload is an image, and a persona may carry its card.
  app.use("/api/*", (c, next) => (c.req.path.startsWith("/api/companions/") ? next() : apiBodyLimit(c, next)));
  app.route("/api/auth", authRoutes(deps.identity));
  app.route("/api/companions", companionRoutes(deps.identity, deps.companions));
  app.route("/api/worlds", worldRoutes(deps.worlds));
  app.all("/api/*", (c) => jsonError(c, 404, `no API route ${c.req.method} ${c.req.path}`));
  app.route("/healthz", healthRoutes(deps.readCounts));
  app.route("/metrics", metricsRoutes(deps.metrics));
  const matchmake = deps.matchmake;
  if (matchmake) app.all("/matchmake/*", (c) => matchmake(c.req.raw));
  app.route("/worlds/assets", worldAssetRoutes(deps.worldsDir));
  app.route("/", clientRoutes(deps.clientDir));
  return app;
}
