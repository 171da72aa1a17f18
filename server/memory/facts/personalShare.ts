/**
 * Whether the owner opened up: feelings, worries, secrets. Together with facts about their life it
 * marks the "first time you shared something personal" milestone and builds trust.
 */
const OPENING_UP =
  /\b(?:I feel|I(?:'m| am) (?:so |really |a bit |quite )?(?:scared|afraid|worried|lonely|sad|anxious|nervous|depressed|stressed|heartbroken|hurt)|I(?:'ve| have) never told|between (?:you and me|us)|my secret|to be honest|honestly|I miss)\b/i;

export function sharesSomethingPersonal(text: string): boolean {
  return OPENING_UP.test(text);
}
