import type { Logger } from "../../logging";

/** What transformers.js reports while it fetches and opens a model's files. */
export interface ModelProgressEvent {
  status: string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

const MB = 1024 * 1024;

/**
 * Shows a model download: one log line when each file starts and ends, and, on a terminal, a
 * progress line rewritten in place. Files read from disk report only "initiate" and "done",
 * so a model already downloaded logs nothing.
 */
export function createModelProgress(logger: Logger, terminal: NodeJS.WriteStream | null): (event: ModelProgressEvent) => void {
  const downloading = new Set<string>();
  let lastDrawn = 0;
  return (event) => {
    const file = event.file ?? "";
    if (event.status === "download") {
      downloading.add(file);
      logger.info({ file }, `downloading embedding model file ${file}`);
    } else if (event.status === "progress" && downloading.has(file)) {
      const now = Date.now();
      if (!terminal || now - lastDrawn < 200) return;
      lastDrawn = now;
      const size = event.total ? `${((event.loaded ?? 0) / MB).toFixed(1)}/${(event.total / MB).toFixed(1)} MB` : `${((event.loaded ?? 0) / MB).toFixed(1)} MB`;
      terminal.write(`\r  embedding model: ${file} ${Math.floor(event.progress ?? 0)}% (${size})\u001b[K`);
    } else if (event.status === "done" && downloading.delete(file)) {
      if (terminal) terminal.write(`\r\u001b[K`);
      logger.info({ file }, `downloaded embedding model file ${file}`);
    }
  };
}
