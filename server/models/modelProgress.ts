import type { Logger } from "../logging";

/** What transformers.js reports while it fetches and opens a model's files. */
export interface ModelProgressEvent {
  status: string;
  file?: string;
  /** Percent, 0–100. */
  progress?: number;
  loaded?: number;
  total?: number;
}

/** The file being downloaded now, for status routes: `progress` is 0–1. */
export interface ModelDownload {
  file: string;
  progress: number;
}

export interface ModelProgress {
  /** Give this to the loader as its progress callback. */
  readonly report: (event: ModelProgressEvent) => void;
  /** The download in flight; undefined when nothing downloads (files read from disk never show here). */
  readonly downloading: ModelDownload | undefined;
}

export interface ModelProgressOptions {
  logger: Logger;
  /** Where the progress line is drawn; null: log lines only. */
  terminal: NodeJS.WriteStream | null;
  /** What the model is for, in the log and on the terminal ("embedding model", "voice model"). */
  label: string;
}

const MB = 1024 * 1024;

/**
 * Shows a model download: one log line when each file starts and ends, and, on a terminal, a
 * progress line rewritten in place. Files read from disk report only "initiate" and "done",
 * so a model already downloaded logs nothing.
 */
export function createModelProgress({ logger, terminal, label }: ModelProgressOptions): ModelProgress {
  const downloading = new Map<string, number>();
  let lastDrawn = 0;
  let current: string | undefined;
  const report = (event: ModelProgressEvent) => {
    const file = event.file ?? "";
    if (event.status === "download") {
      downloading.set(file, 0);
      current = file;
      logger.info({ file }, `downloading ${label} file ${file}`);
    } else if (event.status === "progress" && downloading.has(file)) {
      downloading.set(file, Math.min(1, Math.max(0, (event.progress ?? 0) / 100)));
      current = file;
      const now = Date.now();
      if (!terminal || now - lastDrawn < 200) return;
      lastDrawn = now;
      const size = event.total ? `${((event.loaded ?? 0) / MB).toFixed(1)}/${(event.total / MB).toFixed(1)} MB` : `${((event.loaded ?? 0) / MB).toFixed(1)} MB`;
      terminal.write(`\r  ${label}: ${file} ${Math.floor(event.progress ?? 0)}% (${size})\u001b[K`);
    } else if (event.status === "done" && downloading.delete(file)) {
      if (current === file) current = downloading.keys().next().value;
      if (terminal) terminal.write(`\r\u001b[K`);
      logger.info({ file }, `downloaded ${label} file ${file}`);
    }
  };
  return {
    report,
    get downloading() {
      return current === undefined ? undefined : { file: current, progress: downloading.get(current) ?? 0 };
    },
  };
}
