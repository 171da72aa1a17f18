import { whenLabel, whereLabel } from "./ledgerFormat";
import { forgetMemory, loadOlderMemories, useLedger } from "./ledgerStore";

/** Every memory, newest first, a page at a time; each can be forgotten. */
export function MemoryList() {
  const memories = useLedger((s) => s.memories);
  const next = useLedger((s) => s.next);
  const loading = useLedger((s) => s.loading);
  const now = new Date();
  if (memories.length === 0) return <p className="ledger-empty">{loading ? "Remembering…" : "Nothing here."}</p>;
  return (
    <>
      <ul className="ledger-list" data-testid="ledger-memories">
        {memories.map((memory) => (
          <li key={memory.id} className={`ledger-item ${memory.kind}`}>
            <div className="ledger-item-text">
              {memory.speaker && <span className="ledger-subject">{memory.speaker}: </span>}
              {memory.text}
              <div className="ledger-when">
                {whenLabel(memory.happenedAt, now)}
                {whereLabel(memory.world, memory.place) && ` · ${whereLabel(memory.world, memory.place)}`}
              </div>
            </div>
            <button type="button" className="small-button" aria-label="forget this memory" onClick={() => void forgetMemory(memory.id)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="small-button ledger-more" disabled={loading} onClick={() => void loadOlderMemories()}>
          Older memories
        </button>
      )}
    </>
  );
}
