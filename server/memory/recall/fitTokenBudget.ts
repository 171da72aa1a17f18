/**
 * The lines (best first) whose estimated tokens fit `budgetTokens` together; a line
 * that does not fit is skipped so a shorter, less relevant one may still fit after it.
 */
export function fitTokenBudget<T extends { text: string }>(lines: readonly T[], budgetTokens: number, estimateTokens: (text: string) => number): T[] {
  const kept: T[] = [];
  let left = budgetTokens;
  for (const line of lines) {
    const cost = estimateTokens(line.text) + 1;
    if (cost > left) continue;
    kept.push(line);
    left -= cost;
  }
  return kept;
}
