import { useEffect, useState } from "react";
import type { LlmStatus } from "../../shared/llm";
import { fetchLlmStatus } from "../net";
import { isModelPending, modelProgressLabel } from "./modelProgressLabel";

const POLL_MS = 2000;

/** While the server's embedded model downloads or loads, how far it is; nothing once it is ready. */
export function ModelProgress() {
  const [status, setStatus] = useState<LlmStatus | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchLlmStatus();
        if (stopped) return;
        setStatus(next);
        if (!isModelPending(next)) return;
      } catch {
        // The server is away: the connection badge says so; ask again later.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const label = status && modelProgressLabel(status);
  if (!status || !label) return null;
  return (
    <div className="panel model-progress" role="status" data-testid="model-progress" data-state={status.state}>
      <div>{label}</div>
      {status.state === "downloading" && <progress max={1} value={status.progress} />}
    </div>
  );
}
