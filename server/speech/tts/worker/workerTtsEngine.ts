import type { ModelProgressEvent } from "../../../models";
import { checkSpeechRequest } from "../stream";
import type { SpeechRequest, SpeechStream, TtsEngine, TtsEngineName } from "../ttsEngine";
import { startEngineHost, type EngineHost, type Isolation } from "./engineHost";
import { RemoteSpeechStream } from "./remoteSpeechStream";
import type { FromWorker, WorkerEngineOptions } from "./workerProtocol";

export interface WorkerTtsEngineOptions {
  name: TtsEngineName;
  /** File URL of the module the host loads the engine from (a WorkerEngineModule). */
  engineModule: string;
  /** A worker thread (default) or a child process (engines on onnxruntime-node: see engineHost). */
  isolation?: Isolation;
  options?: WorkerEngineOptions;
  /** Model download progress, from the host. */
  onProgress?: (event: ModelProgressEvent) => void;
}

/** One started host and the streams it serves. */
interface RunningHost {
  host: EngineHost;
  streams: Map<number, RemoteSpeechStream>;
  /** Settles when the engine has loaded; rejects if it could not. */
  ready: Promise<void>;
  loading: boolean;
}

/**
 * An engine that synthesises in a worker thread or child process, so a sentence being spoken
 * never holds up the room's event loop. It is a TtsEngine like the one it hosts. The host starts
 * on first use (or `ready()`); if it dies, every stream it served fails with a clear error and the
 * next `speak` starts a new one.
 */
export class WorkerTtsEngine implements TtsEngine {
  readonly name: TtsEngineName;
  private running: RunningHost | undefined;
  private nextId = 0;
  private disposed = false;
  private retiring = false;

  constructor(private readonly settings: WorkerTtsEngineOptions) {
    this.name = settings.name;
  }

  /** Starts the host if needed and resolves once its engine has loaded (a model download included). */
  ready(): Promise<void> {
    return this.start().ready;
  }

  speak(request: SpeechRequest): SpeechStream {
    checkSpeechRequest(request);
    const running = this.start();
    const id = ++this.nextId;
    const stream = new RemoteSpeechStream(id, (message) => {
      if (this.running !== running) return;
      running.host.send(message);
      // A cancelled stream is over for its reader; nothing more about it is awaited.
      if (message.type === "cancel") running.streams.delete(message.id);
      this.settle(running);
    });
    running.streams.set(id, stream);
    running.host.send({ type: "speak", id, request });
    this.settle(running);
    return stream;
  }

  /** Refuses new streams and stops the host once the ones it serves have ended (an engine replaced). */
  retire(): void {
    this.retiring = true;
    if (!this.running || this.running.streams.size === 0) void this.dispose();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    for (const stream of running.streams.values()) stream.sentences.cancel();
    await running.host.stop();
  }

  private start(): RunningHost {
    if (this.disposed || this.retiring) throw new Error(`the ${this.name} voice was disposed`);
    if (this.running) return this.running;
    const { engineModule, options = {}, isolation = "thread" } = this.settings;
    let loaded: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (failed = reject)));
    // Nobody may be waiting for ready (speak alone): the failure still reaches every stream.
    ready.catch(() => {});
    let loadFailure: string | undefined;
    const host = startEngineHost(isolation, { engineModule, options }, {
      onMessage: (message) => {
        if (message.type === "ready") {
          running.loading = false;
          loaded();
        } else if (message.type === "load-failed") loadFailure = message.message;
        else if (message.type === "progress") this.settings.onProgress?.(message.event);
        else this.deliver(running, message);
        this.settle(running);
      },
      onStopped: (reason) => {
        if (this.running === running) this.running = undefined;
        const error = loadFailure
          ? new Error(`the ${this.name} voice could not load: ${loadFailure}`)
          : new Error(`the ${this.name} voice's worker stopped: ${reason}; the next reply starts it again`);
        failed(error);
        for (const stream of running.streams.values()) stream.sentences.fail(error);
        running.streams.clear();
      },
    });
    const running: RunningHost = { host, streams: new Map(), ready, loading: true };
    this.running = running;
    return running;
  }

  /** After each change: hold the process while busy; a retired engine stops once idle. */
  private settle(running: RunningHost): void {
    const busy = running.loading || running.streams.size > 0;
    running.host.hold(busy);
    if (this.retiring && !busy) void this.dispose();
  }

  private deliver(running: RunningHost, message: Extract<FromWorker, { id: number }>): void {
    const stream = running.streams.get(message.id);
    if (!stream) return;
    if (message.type === "sentence") {
      const { text, phonemes, samples, sampleRate } = message;
      stream.sentences.put({ text, phonemes, samples, sampleRate });
      return;
    }
    running.streams.delete(message.id);
    if (message.type === "end") stream.sentences.finish();
    else stream.sentences.fail(new Error(`the ${this.name} voice failed: ${message.message}`));
  }
}
