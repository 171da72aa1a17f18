import { getLlama, NoBinaryFoundError, type Llama, type LlamaContext, type LlamaModel } from "node-llama-cpp";
import type { LocalGpu } from "../../config";
import { ChatPool } from "./chatPool";
import { ensureModelFile } from "./ensureModelFile";
import type { ModelSource } from "./modelSource";
import { ModelStatusBoard } from "./modelStatus";
import { reportProgress, type ProgressLog } from "./reportProgress";

export interface LocalModelHostOptions {
  source: ModelSource;
  gpu?: LocalGpu;
  /** Generations that can run at once: each needs its own context sequence. */
  sequences?: number;
  /** Tokens each generation can see (prompt + reply); capped by what the model was trained on. */
  contextSize?: number;
  /** CPU threads for llama.cpp; default: what llama.cpp picks for the machine. */
  maxThreads?: number;
  /** node-llama-cpp's progress bar on the terminal while downloading. */
  showCliProgress?: boolean;
}

/** What a generation needs: the runtime (for grammars), the weights, and a chat per context sequence. */
export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  chats: ChatPool;
}

const DEFAULT_CONTEXT_SIZE = 4096;

/**
 * The one embedded model of this server: fetched (download on first use), loaded once, shared by
 * every companion. Starting never blocks the world: the status board says how far it is, and
 * generations are refused as "loading" until it is ready.
 */
export class LocalModelHost {
  readonly status = new ModelStatusBoard();
  private starting: Promise<LoadedModel> | undefined;
  private ready: LoadedModel | undefined;
  private readonly stopDownload = new AbortController();
  private disposed = false;

  constructor(readonly options: LocalModelHostOptions) {}

  get loaded(): LoadedModel | undefined {
    return this.ready;
  }

  /** Fetches and loads the model once; later calls share the first. Failures land on the board too. */
  start(): Promise<LoadedModel> {
    this.starting ??= this.fetchAndLoad().catch((error: unknown) => {
      if (!this.disposed) this.status.set({ state: "failed", progress: this.status.current.progress, error: reasonOf(error) });
      throw error;
    });
    return this.starting;
  }

  /**
   * Starts without waiting, for a server whose world must come up at once: milestones go to `log`
   * (download progress too when no terminal progress bar shows it); a failure is logged, never thrown.
   */
  startInBackground(log: ProgressLog): void {
    const stopReporting = reportProgress(this.status, log, !this.options.showCliProgress);
    this.start().then(stopReporting, stopReporting);
  }

  /** Stops a download in progress (kept for resuming) and frees the model. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.stopDownload.abort();
    await this.starting?.catch(() => undefined);
    const loaded = this.ready;
    this.ready = undefined;
    // Disposing the runtime frees its models and contexts with it.
    await loaded?.llama.dispose();
  }

  private async fetchAndLoad(): Promise<LoadedModel> {
    const { source } = this.options;
    if (source.kind === "download") this.status.downloading(0, source.model.sizeBytes ?? 0);
    const modelPath = await ensureModelFile(source, {
      showCliProgress: this.options.showCliProgress,
      signal: this.stopDownload.signal,
      onProgress: ({ downloadedBytes, totalBytes }) => this.status.downloading(downloadedBytes, totalBytes),
    });
    this.throwIfDisposed();
    this.status.set({ state: "loading", progress: 1 });
    const llama = await this.loadRuntime();
    try {
      this.throwIfDisposed();
      const model = await llama.loadModel({ modelPath });
      this.throwIfDisposed();
      const context = await model.createContext({
        sequences: this.options.sequences ?? 1,
        contextSize: { max: this.options.contextSize ?? DEFAULT_CONTEXT_SIZE },
      });
      this.throwIfDisposed();
      this.ready = { llama, model, context, chats: new ChatPool(context) };
      this.status.set({ state: "ready", progress: 1 });
      return this.ready;
    } catch (error) {
      await llama.dispose();
      throw error;
    }
  }

  private async loadRuntime(): Promise<Llama> {
    const gpu = this.options.gpu ?? "false";
    try {
      return await getLlama({
        gpu: gpu === "false" ? false : gpu,
        // Never compile llama.cpp at run time: that would fetch its sources and take minutes.
        build: "never",
        ...(this.options.maxThreads !== undefined && { maxThreads: this.options.maxThreads }),
      });
    } catch (error) {
      if (!(error instanceof NoBinaryFoundError)) throw error;
      throw new Error(`no llama.cpp build for KINDRED_LOCAL_GPU=${gpu} is installed (the default install has CPU builds only; see "GPU builds" in the README)`, { cause: error });
    }
  }

  private throwIfDisposed(): void {
    if (this.disposed) throw new Error("the local model was shut down while starting");
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
