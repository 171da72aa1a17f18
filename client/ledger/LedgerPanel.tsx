import type { KeyboardEvent } from "react";
import "../styles/ledger.css";
import { FactList } from "./FactList";
import { LedgerActions } from "./LedgerActions";
import { closeLedger, searchMemories, useLedger } from "./ledgerStore";
import { MemoryList } from "./MemoryList";
import { RelationshipCard } from "./RelationshipCard";

/**
 * "What <name> remembers about you": the relationship, the facts, every memory, searchable, each
 * forgettable; export and import. Keys pressed in it stay in it (they must not walk the player);
 * key-ups still pass, so a key held while the panel opened is released.
 */
export function LedgerPanel() {
  const open = useLedger((s) => s.open);
  const name = useLedger((s) => s.companion?.name);
  const query = useLedger((s) => s.query);
  const notice = useLedger((s) => s.notice);
  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") closeLedger();
  };

  return (
    <div className="panel ledger-panel" role="dialog" aria-label="Memory ledger" data-testid="ledger-panel" onKeyDown={onKeyDown}>
      <header className="persona-header">
        <div className="persona-title">What {name ?? "your companion"} remembers about you</div>
        <button type="button" className="small-button" onClick={closeLedger} aria-label="close">
          ✕
        </button>
      </header>
      <div className="persona-body">
        <RelationshipCard />
        <input
          className="ledger-search"
          type="search"
          placeholder="Search memories and facts"
          aria-label="search memories"
          value={query}
          onChange={(event) => searchMemories(event.currentTarget.value)}
        />
        <h3 className="ledger-heading">Facts</h3>
        <FactList />
        <h3 className="ledger-heading">Memories</h3>
        <MemoryList />
      </div>
      <footer className="persona-footer ledger-footer">
        {notice && (
          <div className={`ledger-notice ${notice.kind}`} role={notice.kind === "done" ? "status" : "alert"} data-testid="ledger-notice">
            {notice.text}
          </div>
        )}
        <LedgerActions />
      </footer>
    </div>
  );
}
