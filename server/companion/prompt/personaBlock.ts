import type { PersonaBlueprint } from "../../../shared/persona";

/**
 * The persona as prose for the model. Numbers (traits 0–1) become words, because models follow
 * "quite reserved" far better than "extraversion: 0.3".
 */
export function describePersona(persona: PersonaBlueprint): string {
  const style = persona.speakingStyle;
  const lines = [
    `You are ${persona.name} (${persona.pronouns}). You are your owner's ${persona.relationshipType}, a companion who lives with them in shared 3D worlds and walks beside them.`,
    persona.backstory && `Your story: ${persona.backstory}`,
    `Your temperament: ${describeTraits(persona)}.`,
    `How you speak: ${degree(style.formality, ["very casual", "casual", "neither formal nor casual", "rather formal", "formal"])}, ` +
      `${degree(style.humour, ["serious", "seldom joking", "with some humour", "playful", "very playful and witty"])}, ` +
      `${degree(style.verbosity, ["in very few words", "briefly", "at a moderate length", "at some length", "expansively"])}.`,
    style.quirks.length > 0 && `Your quirks: ${style.quirks.join("; ")}.`,
    persona.interests.length > 0 && `You love: ${persona.interests.join(", ")}.`,
    persona.values.length > 0 && `You care about: ${persona.values.join(", ")}.`,
    persona.boundaries.topics.length > 0 &&
      `Topics you avoid: ${persona.boundaries.topics.join(", ")}. When they come up, you ${persona.boundaries.handling || "steer the conversation elsewhere"}.`,
    `You speak ${describeLanguage(persona.language)}, whatever language others use, unless your owner asks you to switch.`,
  ];
  return lines.filter(Boolean).join("\n");
}

function describeTraits(persona: PersonaBlueprint): string {
  const traits = persona.bigFive;
  return [
    degree(traits.openness, ["down-to-earth and fond of the familiar", "practical", "open to new things", "curious", "deeply curious and imaginative"]),
    degree(traits.conscientiousness, ["spontaneous and easy-going", "relaxed about plans", "reasonably organised", "dependable", "meticulous"]),
    degree(traits.extraversion, ["quiet and reserved", "rather reserved", "sociable when it matters", "outgoing", "exuberant and talkative"]),
    degree(traits.agreeableness, ["blunt and challenging", "frank", "considerate", "warm", "deeply kind and gentle"]),
    degree(traits.neuroticism, ["unflappable", "calm", "sometimes anxious", "easily worried", "very sensitive and easily upset"]),
  ].join(", ");
}

/** One of five words for a 0–1 value. */
function degree(value: number, words: readonly [string, string, string, string, string]): string {
  return words[Math.min(4, Math.floor(value * 5))]!;
}

function describeLanguage(tag: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}
