import { useRef, useState } from "react";
import { exportLedger, forgetEverything, importLedger, useLedger } from "./ledgerStore";

/** Export, import, and forgetting everything (asked twice). */
export function LedgerActions() {
  const loading = useLedger((s) => s.loading);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  if (confirming) {
    return (
      <div className="ledger-actions ledger-confirm" role="alertdialog" aria-label="forget everything">
        <span>Forget everything it remembers about you? This cannot be undone.</span>
        <button type="button" className="small-button danger" data-testid="ledger-forget-confirm" onClick={() => void forgetEverything().then(() => setConfirming(false))}>
          Forget everything
        </button>
        <button type="button" className="small-button" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </div>
    );
  }
  return (
    <div className="ledger-actions">
      <button type="button" className="small-button" disabled={loading} onClick={() => void exportLedger()}>
        Export
      </button>
      <button type="button" className="small-button" disabled={loading} onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="ledger-import-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void importLedger(file);
        }}
      />
      <button type="button" className="small-button danger" disabled={loading} data-testid="ledger-forget" onClick={() => setConfirming(true)}>
        Forget everything…
      </button>
    </div>
  );
}
