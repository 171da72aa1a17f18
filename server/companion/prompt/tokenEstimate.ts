/**
 * A tokenizer-free token estimate, good enough for budgeting a prompt. Real tokenizers differ by
 * model, so this errs high: about 4 characters per token for alphabetic text (English averages
 * 4–4.5), one token per CJK character (they are often one or more tokens each), and a few tokens
 * of framing per chat message. Budgets should still leave a margin.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
export const TOKENS_PER_MESSAGE = 4;

export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

export function estimateMessageTokens(message: { content: string }): number {
  return TOKENS_PER_MESSAGE + estimateTokens(message.content);
}
