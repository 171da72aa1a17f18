import { describeStatus } from "./describeStatus";
import type { LocalModelStatus, ModelStatusBoard } from "./modelStatus";

export type ProgressLog = (level: "info" | "warn", message: string) => void;

/**
 * Logs the embedded model's way to ready: each change of state, and while downloading every tenth
 * of the file when `downloadSteps` is on (a terminal already shows node-llama-cpp's progress bar).
 * Returns the function that stops reporting.
 */
export function reportProgress(board: ModelStatusBoard, log: ProgressLog, downloadSteps: boolean): () => void {
  let last: LocalModelStatus | undefined;
  return board.subscribe((status) => {
    const changed = status.state !== last?.state;
    const step = status.state === "downloading" && downloadSteps && Math.floor(status.progress * 10) > Math.floor((last?.progress ?? 0) * 10);
    if (changed || step) log(status.state === "failed" ? "warn" : "info", `local model: ${describeStatus(status)}`);
    last = status;
  });
}
