import { describeFailure } from "../llm";

/**
 * What the companion says itself when the model cannot speak for it. Written in character, so a
 * failing model sounds like a person losing their thread, not like an error message.
 */

export type InCharacterLine = "lostThought" | "offCharacter" | "wakingUp" | "busy";

const LINES: Record<string, Record<InCharacterLine, string>> = {
  en: {
    lostThought: "Sorry, I lost my train of thought…",
    offCharacter: "Hm, never mind what I was about to say.",
    wakingUp: "Give me a moment, I'm still waking up…",
    busy: "Hang on, my head's full right now. Ask me again in a moment?",
  },
  de: {
    lostThought: "Entschuldige, ich habe den Faden verloren…",
    offCharacter: "Hm, vergiss, was ich sagen wollte.",
    wakingUp: "Einen Moment, ich werde gerade erst wach…",
    busy: "Moment, mir schwirrt gerade der Kopf. Frag mich gleich noch mal?",
  },
  fr: {
    lostThought: "Pardon, j'ai perdu le fil…",
    offCharacter: "Hum, oublie ce que j'allais dire.",
    wakingUp: "Un instant, je suis encore en train de me réveiller…",
    busy: "Attends, j'ai la tête pleine, là. Redemande-moi dans un instant ?",
  },
  es: {
    lostThought: "Perdona, perdí el hilo…",
    offCharacter: "Mm, olvida lo que iba a decir.",
    wakingUp: "Dame un momento, todavía me estoy despertando…",
    busy: "Espera, ahora mismo tengo la cabeza llena. ¿Me lo preguntas en un momento?",
  },
  pt: {
    lostThought: "Desculpa, perdi o fio da meada…",
    offCharacter: "Hum, esquece o que eu ia dizer.",
    wakingUp: "Só um momento, ainda estou acordando…",
    busy: "Espera, estou com a cabeça cheia agora. Pergunta de novo daqui a pouco?",
  },
  it: {
    lostThought: "Scusa, ho perso il filo…",
    offCharacter: "Mm, lascia stare quello che stavo per dire.",
    wakingUp: "Un attimo, mi sto ancora svegliando…",
    busy: "Aspetta, ho la testa piena adesso. Me lo richiedi tra un attimo?",
  },
  ja: {
    lostThought: "ごめん、何を言おうとしたか忘れちゃった…",
    offCharacter: "うーん、今のは気にしないで。",
    wakingUp: "ちょっと待って、まだ目が覚めきってないの…",
    busy: "ちょっと待って、今は頭がいっぱいなの。少ししたらもう一回聞いて？",
  },
  zh: {
    lostThought: "抱歉，我刚才走神了…",
    offCharacter: "嗯，刚才想说的就算了吧。",
    wakingUp: "等我一下，我还没完全醒过来呢…",
    busy: "等等，我现在脑子有点满。过一会儿再问我好吗？",
  },
};

/** What to say when the model failed: still loading (the embedded model), busy (its queue is full), or lost. */
export function lineForFailure(failure: unknown): InCharacterLine {
  const { kind } = describeFailure(failure);
  if (kind === "loading") return "wakingUp";
  if (kind === "busy") return "busy";
  return "lostThought";
}

/** The line in the persona's language (its primary subtag), English when there is none. */
export function inCharacterLine(line: InCharacterLine, language: string): string {
  const primary = language.split("-")[0]!.toLowerCase();
  return (LINES[primary] ?? LINES.en!)[line];
}
