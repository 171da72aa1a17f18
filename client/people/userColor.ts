/** A stable, pleasant body colour for a user: the same person looks the same to everyone. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  const hue = (hash >>> 0) % 360;
  // Mid saturation and lightness read well under both warm and cool world lighting.
  return `hsl(${hue}, 58%, 56%)`;
}
