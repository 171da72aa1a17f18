import { useId, useState, type ReactNode } from "react";
import { editPersona, usePersonaPanel } from "./personaStore";
import { errorFor, formatList, parseList, valueAt } from "./personaForm";

/** The draft's value at `path` and the problem with it, if any. */
function useField(path: string) {
  const value = usePersonaPanel((s) => (s.draft ? valueAt(s.draft, path) : undefined));
  const error = usePersonaPanel((s) => errorFor(s.errors, path));
  return { value, error };
}

function FieldShell({ label, hint, error, htmlFor, children }: { label: string; hint?: string; error?: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className={error ? "persona-field invalid" : "persona-field"}>
      <label className="persona-label" htmlFor={htmlFor}>
        {label}
        {hint && <span className="persona-hint"> — {hint}</span>}
      </label>
      {children}
      {error && (
        <p className="persona-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ path, label, hint, maxLength }: { path: string; label: string; hint?: string; maxLength?: number }) {
  const id = useId();
  const { value, error } = useField(path);
  return (
    <FieldShell label={label} hint={hint} error={error} htmlFor={id}>
      <input
        id={id}
        data-testid={`persona-${path}`}
        className="text-input persona-input"
        value={typeof value === "string" ? value : ""}
        maxLength={maxLength}
        aria-invalid={!!error}
        onChange={(event) => editPersona(path, event.target.value)}
      />
    </FieldShell>
  );
}

export function TextAreaField({ path, label, hint, maxLength }: { path: string; label: string; hint?: string; maxLength?: number }) {
  const id = useId();
  const { value, error } = useField(path);
  return (
    <FieldShell label={label} hint={hint} error={error} htmlFor={id}>
      <textarea
        id={id}
        data-testid={`persona-${path}`}
        className="text-input persona-textarea"
        rows={4}
        value={typeof value === "string" ? value : ""}
        maxLength={maxLength}
        aria-invalid={!!error}
        onChange={(event) => editPersona(path, event.target.value)}
      />
    </FieldShell>
  );
}

interface SliderProps {
  path: string;
  label: string;
  /** Plain words for both ends, so nobody needs to know what 0.3 openness means. */
  low: string;
  high: string;
  min?: number;
  max?: number;
  step?: number;
}

export function SliderField({ path, label, low, high, min = 0, max = 1, step = 0.05 }: SliderProps) {
  const id = useId();
  const { value, error } = useField(path);
  const number = typeof value === "number" ? value : min;
  return (
    <FieldShell label={label} error={error} htmlFor={id}>
      <input
        id={id}
        type="range"
        data-testid={`persona-${path}`}
        className="persona-slider"
        min={min}
        max={max}
        step={step}
        value={number}
        aria-invalid={!!error}
        onChange={(event) => editPersona(path, Number(event.target.value))}
      />
      <div className="persona-slider-ends">
        <span>{low}</span>
        <span className="persona-slider-value">{number.toFixed(2)}</span>
        <span>{high}</span>
      </div>
    </FieldShell>
  );
}

interface ListProps {
  path: string;
  label: string;
  /** "," for short words on one line, "\n" for phrases that may contain commas. */
  separator: "," | "\n";
}

/**
 * A list typed as text. The text is kept as typed (a trailing comma stays while typing the next
 * entry); the draft gets the parsed entries. Remounted (by key) when a persona is (re)loaded.
 */
export function ListField({ path, label, separator }: ListProps) {
  const id = useId();
  const { value, error } = useField(path);
  const entries = Array.isArray(value) ? (value as string[]) : [];
  const [text, setText] = useState(() => formatList(entries, separator));
  const onChange = (typed: string) => {
    setText(typed);
    editPersona(path, parseList(typed, separator));
  };
  const hint = separator === "," ? "separate with commas" : "one per line";
  return (
    <FieldShell label={label} hint={hint} error={error} htmlFor={id}>
      {separator === "," ? (
        <input id={id} data-testid={`persona-${path}`} className="text-input persona-input" value={text} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea id={id} data-testid={`persona-${path}`} className="text-input persona-textarea" rows={3} value={text} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
      )}
      {entries.length > 0 && (
        <ul className="persona-chips" aria-hidden>
          {entries.map((entry, index) => (
            <li key={index} className="persona-chip">
              {entry}
            </li>
          ))}
        </ul>
      )}
    </FieldShell>
  );
}
