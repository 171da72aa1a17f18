import { collectDefaultMetrics, Gauge, Registry } from "prom-client";

export interface RoomCounts {
  rooms: number;
  clients: number;
}

export interface Metrics {
  registry: Registry;
}

/**
 * A registry per server (never prom-client's global one, so several servers can live in one
 * process, as in tests): Node's default metrics plus room and client counts read when scraped.
 */
export function createMetrics(readCounts: () => RoomCounts): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kindred_" });
  new Gauge({
    name: "kindred_rooms",
    help: "World room instances open in this process",
    registers: [registry],
    collect() {
      this.set(readCounts().rooms);
    },
  });
  new Gauge({
    name: "kindred_clients",
    help: "Connections in world rooms in this process",
    registers: [registry],
    collect() {
      this.set(readCounts().clients);
    },
  });
  return { registry };
}
