import { milestoneLabel, percent, whenLabel } from "./ledgerFormat";
import { useLedger } from "./ledgerStore";

function Bar({ label, value }: { label: string; value: number }) {
  return (
    <div className="ledger-bar">
      <span>{label}</span>
      <div className="ledger-bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent(value)}>
        <div className="ledger-bar-fill" style={{ width: `${percent(value)}%` }} />
      </div>
    </div>
  );
}

/** How things stand between the owner and their companion, and the milestones on the way. */
export function RelationshipCard() {
  const relationship = useLedger((s) => s.relationship);
  if (!relationship) return <p className="ledger-empty">You have not met yet — or it has forgotten you.</p>;
  const now = new Date();
  return (
    <section className="ledger-section" data-testid="ledger-relationship">
      <Bar label="Closeness" value={relationship.closeness} />
      <Bar label="Trust" value={relationship.trust} />
      <p className="ledger-line">
        Mood: <strong>{relationship.moodWord}</strong> · met {whenLabel(relationship.firstMet, now)} · {relationship.conversations} conversation
        {relationship.conversations === 1 ? "" : "s"}
      </p>
      <ul className="ledger-milestones">
        {relationship.milestones.map((m) => (
          <li key={m.id}>
            ★ {milestoneLabel(m.id)}
            {m.reachedAt && <span className="ledger-when"> · {whenLabel(m.reachedAt, now)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
