/** Where the embedded model is on its way to answering; "failed" keeps the reason. */
export type LocalModelState = "waiting" | "downloading" | "loading" | "ready" | "failed";

export interface LocalModelStatus {
  state: LocalModelState;
  /** 0..1: the download's share while downloading, 1 once the file is there. */
  progress: number;
  downloadedBytes?: number;
  totalBytes?: number;
  /** Why it failed, in a sentence a user can act on. */
  error?: string;
}

/** The embedded model's state for anyone who asks (status route, provider, logs). */
export class ModelStatusBoard {
  private status: LocalModelStatus = { state: "waiting", progress: 0 };
  private readonly listeners = new Set<(status: LocalModelStatus) => void>();

  get current(): LocalModelStatus {
    return this.status;
  }

  set(status: LocalModelStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  downloading(downloadedBytes: number, totalBytes: number): void {
    const progress = totalBytes > 0 ? Math.min(1, downloadedBytes / totalBytes) : 0;
    this.set({ state: "downloading", progress, downloadedBytes, totalBytes });
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (status: LocalModelStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
