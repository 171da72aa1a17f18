/**
 * `npm run bench -- room [--clients 200] [--seconds 20] [--hz 10] [--world plaza] [--workers 2]`
 *
 * Starts the real server in its own process and joins N simulated users to one room with the
 * real SDK, spread over worker threads (one JS thread cannot decode 200 clients' patches in
 * time). Each user sends moves at `hz` for `seconds`; measures "own move → seen in a patch"
 * and the server process's CPU and memory.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { cpuSeconds, percentile, rssMb } from "./support/processStats";
import type { RoomUsersEvent, RoomUsersInput } from "./support/roomUsers";
import { startServerProcess } from "./support/serverProcess";

const PATCH_RATE_HZ = 20; // Colyseus's default patch rate (every 50 ms)

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string", default: "200" },
      seconds: { type: "string", default: "20" },
      hz: { type: "string", default: "10" },
      world: { type: "string", default: "plaza" },
      workers: { type: "string", default: "2" },
    },
  });
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const hz = Number(values.hz);
  const workerCount = Math.min(Number(values.workers), clients);
  if (![clients, seconds, hz, workerCount].every((n) => n > 0)) {
    throw new Error("--clients, --seconds, --hz and --workers must be positive numbers");
  }

  const server = await startServerProcess({ KINDRED_MAX_CLIENTS: String(clients + 10), LOG_LEVEL: "warn" });
  const workers: Worker[] = [];
  try {
    process.stderr.write(`joining ${clients} clients to ${server.url} from ${workerCount} threads …\n`);
    const joined: Promise<string[]>[] = [];
    const seen = new Array<number>(workerCount).fill(0);
    const errs = new Array<number>(workerCount).fill(0);
    const done: Promise<Extract<RoomUsersEvent, { type: "done" }>>[] = [];
    let firstIndex = 0;
    for (let w = 0; w < workerCount; w++) {
      const count = Math.floor(clients / workerCount) + (w < clients % workerCount ? 1 : 0);
      const input: RoomUsersInput = { url: server.url, world: String(values.world), count, firstIndex, hz };
      firstIndex += count;
      const worker = tsWorker(new URL("./support/roomUsers.ts", import.meta.url), input);
      workers.push(worker);
      const failed = new Promise<never>((_, reject) => worker.once("error", reject));
      joined.push(Promise.race([failed, waitFor(worker, "joined").then((e) => e.roomIds)]));
      done.push(Promise.race([failed, waitFor(worker, "done")]));
      worker.on("message", (e: RoomUsersEvent) => {
        if (e.type === "progress") {
          seen[w] = e.seen;
          errs[w] = e.errors;
        }
      });
    }
    const roomIds = new Set((await Promise.all(joined)).flat());
    if (roomIds.size !== 1) throw new Error(`clients landed in ${roomIds.size} rooms; KINDRED_MAX_CLIENTS is too low`);
    process.stderr.write(`  all ${clients} joined one room\n`);

    const cpuStart = cpuSeconds(server.pid);
    const wallStart = performance.now();
    for (const w of workers) w.postMessage("start");
    for (let s = 1; s <= seconds; s++) {
      await new Promise((r) => setTimeout(r, 1000));
      process.stderr.write(`\r  ${s}/${seconds} s: ${sum(seen)} moves seen, ${sum(errs)} errors   `);
    }
    for (const w of workers) w.postMessage("stop");
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = cpuSeconds(server.pid) - cpuStart;
    const rss = rssMb(server.pid);
    process.stderr.write("\n");
    const results = await Promise.all(done);
    const latencies = results.flatMap((r) => r.latencies);
    return {
      clients,
      seconds,
      hz,
      moveToPatchMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
      movesSent: Math.round(clients * hz * wallSeconds),
      movesSeen: latencies.length,
      patchesReceived: sum(results.map((r) => r.patches)),
      patchesExpected: Math.round(clients * wallSeconds * PATCH_RATE_HZ),
      errors: sum(results.map((r) => r.errors)),
      serverCpuPercent: Math.round((cpu / wallSeconds) * 1000) / 10,
      serverRssMb: rss,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await server.stop();
  }
}

function waitFor<T extends RoomUsersEvent["type"]>(worker: Worker, type: T): Promise<Extract<RoomUsersEvent, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (e: RoomUsersEvent) => {
      if (e.type !== type) return;
      worker.off("message", onMessage);
      resolve(e as Extract<RoomUsersEvent, { type: T }>);
    };
    worker.on("message", onMessage);
  });
}

/** A worker running a TypeScript module: workers do not inherit the tsx loader, so register it first. */
function tsWorker(entry: URL, workerData: unknown): Worker {
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
