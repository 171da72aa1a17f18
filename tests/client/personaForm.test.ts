import { describe, expect, it } from "vitest";
import { defaultPersona } from "../../shared/persona";
import { errorFor, formatList, parseList, validatePersona, valueAt, withValueAt } from "../../client/persona/personaForm";

describe("persona form helpers", () => {
  it("edits one field by path without touching the original", () => {
    const draft = defaultPersona();
    const edited = withValueAt(draft, "bigFive.openness", 0.1);
    expect(valueAt(edited, "bigFive.openness")).toBe(0.1);
    expect(draft.bigFive.openness).toBe(0.8);
    expect(edited.bigFive.agreeableness).toBe(draft.bigFive.agreeableness);
  });

  it("reports each invalid field at its own path, and list entries at their list", () => {
    const draft = withValueAt(withValueAt(defaultPersona(), "name", "   "), "interests", ["ok", "x".repeat(81)]);
    const checked = validatePersona(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(errorFor(checked.errors, "name")).toBe("must not be empty");
    expect(errorFor(checked.errors, "interests")).toBe("entry 2: at most 80 characters");
    expect(errorFor(checked.errors, "pronouns")).toBeUndefined();
  });

  it("accepts the default persona and gives back the trimmed blueprint", () => {
    const checked = validatePersona(withValueAt(defaultPersona(), "name", "  Juniper "));
    expect(checked.ok && checked.persona.name).toBe("Juniper");
  });

  it("parses typed lists, dropping blanks so a trailing separator is harmless", () => {
    expect(parseList("stories,  the sea , ,", ",")).toEqual(["stories", "the sea"]);
    expect(parseList("hums, sometimes\n\nwinks\n", "\n")).toEqual(["hums, sometimes", "winks"]);
    expect(parseList(formatList(["a", "b c"], ","), ",")).toEqual(["a", "b c"]);
  });
});
