import type { LocalModelStatus } from "./modelStatus";

const MB = 1_000_000;

/** The status in a few words for logs and error messages, e.g. "downloading 42% (470 of 1117 MB)". */
export function describeStatus(status: LocalModelStatus): string {
  switch (status.state) {
    case "waiting":
      return "waiting to start";
    case "downloading": {
      const percent = Math.floor(status.progress * 100);
      if (!status.totalBytes) return `downloading ${percent}%`;
      return `downloading ${percent}% (${Math.round((status.downloadedBytes ?? 0) / MB)} of ${Math.round(status.totalBytes / MB)} MB)`;
    }
    case "loading":
      return "loading into memory";
    case "ready":
      return "ready";
    case "failed":
      return `failed: ${status.error ?? "unknown reason"}`;
  }
}
