/**
 * Catches a reply relapsing into assistant-speak ("As an AI language model…"): the prompt forbids
 * it, but small models slip. Patterns are phrases a person in the world would never say about
 * themselves, in the languages companions most often speak.
 */

const PATTERNS: RegExp[] = [
  // English
  /\bas an? (?:ai language model|large language model|language model|artificial intelligence|virtual assistant|ai assistant|chatbot|llm|a\.i\.|ai)\b/i,
  /\bI(?:'m| am) (?:just |only |merely |simply )?(?:an? )?(?:ai|a\.i\.|artificial intelligence|language model|large language model|llm|chatbot|computer program|virtual assistant|ai assistant|bot)\b/i,
  // "I can't feel my toes" is human; "I cannot feel emotions / like humans do" is not.
  /\bI (?:cannot|can't|can not|do not|don't) (?:really |actually |truly )?(?:feel (?:emotions|feelings|anything like (?:a human|humans|people))|feel (?:the way|like) (?:a human|humans|people) do|experience (?:emotions|feelings)|have (?:real |genuine )?(?:feelings|emotions|a body|personal (?:experiences|opinions|feelings)))/i,
  /\b(?:my|the) (?:training data|knowledge cut-?off)\b/i,
  /\b(?:OpenAI|Anthropic|Meta AI|Mistral AI)\b.{0,40}\b(?:trained|created|developed|made) me\b|\b(?:trained|created|developed) by (?:OpenAI|Anthropic|Meta|Google|Mistral)\b/i,
  /\bhow (?:can|may) I (?:assist|help) you(?: today)?\?/i,
  // German
  /\bals (?:eine? )?(?:KI|künstliche Intelligenz|Sprachmodell|KI-Assistent)\b/i,
  /\bich bin (?:nur |bloß |lediglich )?(?:eine? )?(?:KI|künstliche Intelligenz|Sprachmodell|Chatbot)\b/i,
  // French
  /\ben tant qu[e'’] ?(?:IA|intelligence artificielle|modèle de langage|assistant virtuel)\b/i,
  /\bje (?:ne )?suis (?:qu[e'’] ?)?(?:juste |seulement )?(?:une |un )?(?:IA|intelligence artificielle|modèle de langage|chatbot)\b/i,
  // Spanish / Portuguese / Italian
  /\bcomo (?:una? )?(?:IA|inteligencia artificial|inteligência artificial|modelo de lenguaje|modelo de linguagem)\b/i,
  /\b(?:soy|sou) (?:solo |só |apenas )?(?:una? |uma? )?(?:IA|inteligencia artificial|inteligência artificial|modelo de lenguaje|modelo de linguagem)\b/i,
  /\bin quanto (?:IA|intelligenza artificiale|modello linguistico)\b|\bsono (?:solo )?(?:un[a']? ?)?(?:IA|intelligenza artificiale|modello linguistico)\b/i,
  // Japanese / Chinese / Korean (no word boundaries in these scripts)
  /(?:AI|ＡＩ|人工知能|言語モデル)(?:として|なので|ですから)|私は(?:AI|ＡＩ|人工知能|言語モデル)/,
  /作为(?:一个)?(?:人工智能|AI|语言模型|AI助手)|我(?:只)?是(?:一个)?(?:人工智能|AI|语言模型)/,
  /(?:AI|인공지능|언어 ?모델)(?:로서|으로서)|저는 (?:AI|인공지능|언어 ?모델)/,
];

export interface PersonaBreak {
  /** The offending words, for logs. */
  phrase: string;
}

export function detectPersonaBreak(text: string): PersonaBreak | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { phrase: match[0] };
  }
  return undefined;
}
