import type { SpeechStatus } from "../../../shared/speech";

/** While the server downloads its recognition model, look again this often. */
const DOWNLOAD_POLL_MS = 5000;

export type AsrAvailability = { available: boolean; reason?: string };

function availability(asr: SpeechStatus["asr"]): AsrAvailability {
  if (asr.available) return { available: true };
  if (asr.reason) return { available: false, reason: asr.reason };
  if (asr.downloading) {
    return { available: false, reason: `speech recognition is downloading its model (${Math.round(asr.downloading.progress * 100)}%)` };
  }
  return { available: false, reason: "speech recognition is not available on this server" };
}

function isSpeechStatus(body: unknown): body is SpeechStatus {
  const asr = (body as { asr?: { available?: unknown } } | null)?.asr;
  return typeof asr === "object" && asr !== null && typeof asr.available === "boolean";
}

/**
 * Reads `GET /api/speech/status` and reports whether the server can recognise speech, then
 * again until a model download it reports has finished. A server without the route (or out of
 * reach) reports nothing: the segment's own answer tells. Returns how to stop watching.
 */
export function watchSpeechStatus(report: (asr: AsrAvailability) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    const body: unknown = await fetch("/api/speech/status")
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    if (stopped || !isSpeechStatus(body)) return;
    report(availability(body.asr));
    if (!body.asr.available && body.asr.downloading) timer = setTimeout(() => void check(), DOWNLOAD_POLL_MS);
  };
  void check();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
