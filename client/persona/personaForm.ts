import { PersonaBlueprint } from "../../shared/persona";

/** Field path (e.g. "bigFive.openness") → the first problem with it. */
export type FieldErrors = Record<string, string>;

export type ValidationResult = { ok: true; persona: PersonaBlueprint } | { ok: false; errors: FieldErrors };

/** Checks a draft with the very schema the server uses, so what passes here is what it accepts. */
export function validatePersona(draft: PersonaBlueprint): ValidationResult {
  const parsed = PersonaBlueprint.safeParse(draft);
  if (parsed.success) return { ok: true, persona: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The problem shown beside the field at `path`: its own, or the first of its entries (a list's items). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(prefix)) return `entry ${Number(key.slice(prefix.length).split(".")[0]) + 1}: ${message}`;
  }
  return undefined;
}

/** A copy of `draft` with the value at a dotted path replaced (the form edits one field at a time). */
export function withValueAt(draft: PersonaBlueprint, path: string, value: unknown): PersonaBlueprint {
  const keys = path.split(".");
  const copy = structuredClone(draft) as unknown as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy as unknown as PersonaBlueprint;
}

export function valueAt(draft: PersonaBlueprint, path: string): unknown {
  let node: unknown = draft;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return node;
}

/** Parses a typed list: one entry per separator, blanks dropped, so "a, b," is two entries. */
export function parseList(text: string, separator: "," | "\n"): string[] {
  return text
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

export function formatList(entries: readonly string[], separator: "," | "\n"): string {
  return entries.join(separator === "," ? ", " : "\n");
}
