/**
 * Runs inside the engine's worker thread or child process (started by engineHost): loads
 * one engine, then serves the SpeechStreams the main side opens, sending each sentence back as
 * soon as it is spoken.
 */
import { parentPort, workerData } from "node:worker_threads";
import { connectToParent } from "../../../process";
import type { SpeechStream, TtsEngine } from "../ttsEngine";
import type { FromWorker, ToWorker, WorkerEngineModule, WorkerSetup } from "./workerProtocol";

interface Channel {
  setup: WorkerSetup;
  send(message: FromWorker, transfer?: ArrayBuffer[]): void;
  listen(onMessage: (message: ToWorker) => void): void;
  /** Sends a last message, then ends this thread or process once it is on its way. */
  sendAndExit(message: FromWorker): void;
}

function openChannel(): Channel {
  const port = parentPort;
  if (port) {
    return {
      setup: workerData as WorkerSetup,
      send: (message, transfer = []) => port.postMessage(message, transfer),
      listen: (onMessage) => port.on("message", onMessage),
      sendAndExit: (message) => {
        port.postMessage(message);
        process.exit(1);
      },
    };
  }
  // Not a thread: a child process started by the engine host (or nothing, and this throws).
  const parent = connectToParent<WorkerSetup, ToWorker, FromWorker>();
  return { ...parent, sendAndExit: (message) => parent.sendAndExit(message, 1) };
}

const channel = openChannel();
const streams = new Map<number, SpeechStream>();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// What arrives while the engine loads (a reply may start at once) waits for it, in order.
const early: ToWorker[] = [];
let engine: TtsEngine | undefined;
channel.listen((message) => (engine ? handle(engine, message) : early.push(message)));

try {
  const module = (await import(channel.setup.engineModule)) as WorkerEngineModule;
  engine = await module.createTtsEngine(channel.setup.options, (event) => channel.send({ type: "progress", event }));
} catch (error) {
  // Without an engine there is nothing to serve; the main side reports the failure.
  channel.sendAndExit({ type: "load-failed", message: messageOf(error) });
}
if (engine) {
  channel.send({ type: "ready" });
  for (const message of early.splice(0)) handle(engine, message);
}

function handle(engine: TtsEngine, message: ToWorker): void {
  const stream = streams.get(message.id);
  try {
    if (message.type === "speak") {
      const opened = engine.speak(message.request);
      streams.set(message.id, opened);
      void speak(message.id, opened);
    } else if (message.type === "push") stream?.push(message.text);
    else if (message.type === "close") stream?.close();
    else if (message.type === "cancel") stream?.cancel();
  } catch (error) {
    stream?.cancel();
    streams.delete(message.id);
    channel.send({ type: "error", id: message.id, message: messageOf(error) });
  }
}

async function speak(id: number, stream: SpeechStream): Promise<void> {
  try {
    for await (const { text, phonemes, samples, sampleRate } of stream) {
      // Transfer needs a buffer of its own: a view into a larger one is copied first.
      const own = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
      channel.send({ type: "sentence", id, text, phonemes, samples: own, sampleRate }, [own.buffer as ArrayBuffer]);
    }
    channel.send({ type: "end", id });
  } catch (error) {
    channel.send({ type: "error", id, message: messageOf(error) });
  } finally {
    streams.delete(id);
  }
}
