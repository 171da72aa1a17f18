/**
 * How much a line is worth remembering, 0..1, without a model: what the owner tells about their
 * life and feelings matters most, small talk least.
 */
export function importanceOf(text: string, signals: { facts: number; personal: boolean; byOwner: boolean }): number {
  let importance = signals.byOwner ? 0.35 : 0.25;
  if (signals.facts > 0) importance += 0.3;
  if (signals.personal) importance += 0.25;
  if (text.length > 120) importance += 0.05;
  return Math.min(1, Math.round(importance * 100) / 100);
}
