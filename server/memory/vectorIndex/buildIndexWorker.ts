import { parentPort, workerData } from "node:worker_threads";
import { GraphWithVectors } from "./graphWithVectors";
import { saveIndexFiles, type IndexIdentity } from "./indexFiles";

export interface BuildSetup {
  dir: string;
  identity: IndexIdentity;
}

export type ToBuilder = { type: "add"; seqs: number[]; vectors: Float32Array } | { type: "save" };
export type FromBuilder = { type: "added"; count: number } | { type: "saved"; size: number } | { type: "failed"; message: string };

// Inserting into an HNSW graph costs milliseconds of CPU per vector, and usearch's calls are
// synchronous: a build of many thousands runs here, on a thread of its own, so the rooms' event
// loop never waits for it. What it builds goes to the index files; the server then loads them.
const { dir, identity } = workerData as BuildSetup;
const port = parentPort!;
const index = GraphWithVectors.create(identity.dimensions);
const keys: number[] = [];

port.on("message", (message: ToBuilder) => {
  void (async (): Promise<FromBuilder> => {
    try {
      if (message.type === "add") {
        index.add(message.seqs, message.vectors);
        keys.push(...message.seqs);
        return { type: "added", count: keys.length };
      }
      await saveIndexFiles(dir, identity, (files) => index.save(files), BigUint64Array.from(keys, BigInt));
      return { type: "saved", size: keys.length };
    } catch (error) {
      return { type: "failed", message: (error as Error).message };
    }
  })().then((reply) => port.postMessage(reply));
});
