import { Hono } from "hono";
import type { RoomCounts } from "../../metrics";

/** `/healthz`: 200 while the server is up, with the counts an operator glances at. */
export function healthRoutes(readCounts: () => RoomCounts) {
  const startedAt = Date.now();
  return new Hono().get("/", (c) =>
    c.json({ ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), ...readCounts() }),
  );
}
