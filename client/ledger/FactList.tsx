import { forgetFact, useLedger } from "./ledgerStore";

/** What the companion believes about the owner, with what it believed before ("was: London"). */
export function FactList() {
  const facts = useLedger((s) => s.facts);
  const query = useLedger((s) => s.query.trim().toLowerCase());
  const shown = query ? facts.filter((f) => `${f.subject} ${f.value}`.toLowerCase().includes(query)) : facts;
  if (shown.length === 0) return <p className="ledger-empty">{query ? "No facts match." : "No facts about you yet."}</p>;
  return (
    <ul className="ledger-list" data-testid="ledger-facts">
      {shown.map((fact) => (
        <li key={fact.id} className="ledger-item">
          <div className="ledger-item-text">
            <span className="ledger-subject">{fact.subject}</span>: {fact.value}
            {fact.planDate && <span className="ledger-when"> · {fact.planDate}</span>}
            {fact.history.length > 0 && <div className="ledger-was">was: {fact.history.map((old) => old.value).join(", ")}</div>}
          </div>
          <button type="button" className="small-button" aria-label={`forget ${fact.subject}`} onClick={() => void forgetFact(fact.id)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
