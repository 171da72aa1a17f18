/**
 * What the companion says itself when the model cannot speak for it. Written in character, so a
 * failing model sounds like a person losing their thread, not like an error message.
 */

export type InCharacterLine = "lostThought" | "offCharacter";

const LINES: Record<string, Record<InCharacterLine, string>> = {
  en: { lostThought: "Sorry, I lost my train of thought…", offCharacter: "Hm, never mind what I was about to say." },
  de: { lostThought: "Entschuldige, ich habe den Faden verloren…", offCharacter: "Hm, vergiss, was ich sagen wollte." },
  fr: { lostThought: "Pardon, j'ai perdu le fil…", offCharacter: "Hum, oublie ce que j'allais dire." },
  es: { lostThought: "Perdona, perdí el hilo…", offCharacter: "Mm, olvida lo que iba a decir." },
  pt: { lostThought: "Desculpa, perdi o fio da meada…", offCharacter: "Hum, esquece o que eu ia dizer." },
  it: { lostThought: "Scusa, ho perso il filo…", offCharacter: "Mm, lascia stare quello che stavo per dire." },
  ja: { lostThought: "ごめん、何を言おうとしたか忘れちゃった…", offCharacter: "うーん、今のは気にしないで。" },
  zh: { lostThought: "抱歉，我刚才走神了…", offCharacter: "嗯，刚才想说的就算了吧。" },
};

/** The line in the persona's language (its primary subtag), English when there is none. */
export function inCharacterLine(line: InCharacterLine, language: string): string {
  const primary = language.split("-")[0]!.toLowerCase();
  return (LINES[primary] ?? LINES.en!)[line];
}
