import { retryConnection, useConnection, type ConnectionStatus } from "../net";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected",
};

/** How the connection is doing, with a retry button once automatic reconnection gave up. */
export function ConnectionBadge() {
  const status = useConnection((s) => s.status);
  const problem = useConnection((s) => s.problem);
  return (
    <div className={`panel connection-badge ${status}`} data-testid="connection-status" data-status={status}>
      <span className="status-dot" aria-hidden />
      <span>{LABELS[status]}</span>
      {status === "disconnected" && (
        <>
          {problem && <span className="connection-problem">{problem}</span>}
          <button className="small-button" onClick={() => void retryConnection()}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
