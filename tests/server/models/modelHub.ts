import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { env } from "@huggingface/transformers";

export interface ModelHub {
  /** Requests for files, in order ("test-org/kokoro/config.json"). */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A stand-in for the Hugging Face hub on localhost, so a test can watch a real download: it
 * serves `models[id]`'s files at /<id>/resolve/main/<file>, and transformers.js is pointed at it
 * (env.remoteHost, this test file's module instance only).
 */
export async function startModelHub(models: Record<string, string>): Promise<ModelHub> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const match = /^\/(.+?\/[^/]+)\/resolve\/main\/(.+)$/.exec(decodeURI(request.url ?? ""));
    const dir = match ? models[match[1]!] : undefined;
    const file = dir && match ? path.join(dir, match[2]!) : undefined;
    if (match) requests.push(`${match[1]}/${match[2]}`);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const previous = env.remoteHost;
  env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    requests,
    close: async () => {
      env.remoteHost = previous;
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A host where nothing listens: every download fails as it does offline. */
export async function pointAtDeadHub(): Promise<() => void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const previous = env.remoteHost;
  env.remoteHost = `http://127.0.0.1:${port}/`;
  return () => {
    env.remoteHost = previous;
  };
}
