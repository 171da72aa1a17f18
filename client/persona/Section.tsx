import type { ReactNode } from "react";

/** One titled group of the persona form. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="persona-section">
      <legend className="persona-section-title">{title}</legend>
      {children}
    </fieldset>
  );
}
