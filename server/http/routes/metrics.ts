import { Hono } from "hono";
import type { Metrics } from "../../metrics";

/** `/metrics`: Prometheus text format. */
export function metricsRoutes({ registry }: Metrics) {
  return new Hono().get("/", async (c) => {
    c.header("Content-Type", registry.contentType);
    return c.body(await registry.metrics());
  });
}
