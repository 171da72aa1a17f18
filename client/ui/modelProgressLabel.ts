import type { LlmStatus } from "../../shared/llm";

const MB = 1_000_000;

/** Still on its way: worth asking again soon. */
export function isModelPending(status: LlmStatus): boolean {
  return status.state === "waiting" || status.state === "downloading" || status.state === "loading";
}

/** What the HUD says about the companions' embedded model; null when there is nothing to say. */
export function modelProgressLabel(status: LlmStatus): string | null {
  switch (status.state) {
    case "waiting":
      return "Companions are waking up…";
    case "downloading": {
      const percent = `${Math.floor(status.progress * 100)}%`;
      if (!status.totalBytes) return `Companions are waking up: downloading their mind, ${percent}`;
      const done = Math.round((status.downloadedBytes ?? 0) / MB).toLocaleString("en");
      return `Companions are waking up: downloading their mind, ${percent} (${done} of ${Math.round(status.totalBytes / MB).toLocaleString("en")} MB)`;
    }
    case "loading":
      return "Companions are waking up: almost there…";
    case "failed":
      return "Companions could not load their mind (the server's log says why)";
    case "ready":
    case "none":
      return null;
  }
}
