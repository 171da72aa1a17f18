import type { FrameProcessorOptions } from "@ricky0123/vad-web";

/** Where Kindred serves the detector's model, worklet and onnxruntime-web's WASM (server/http/routes/voiceAssets). */
export const VOICE_ASSETS_PATH = "/voice/assets/";

/** Silero v5: 32 ms frames, so speech is noticed (and the companion interrupted) within a few frames. */
export const VAD_MODEL = "v5";
export const VAD_MODEL_FILE = "silero_vad_v5.onnx";
/** v5 takes 512 samples at 16 kHz per frame. */
export const VAD_FRAME_SAMPLES = 512;

/**
 * How the detector turns per-frame speech probabilities into segments. Stricter than vad-web's
 * defaults (0.3/0.25): a companion's voice leaking past echo cancellation, or a cough, should
 * not cut it off; and a shorter end pause (600 ms instead of 1.4 s) answers sooner.
 */
export const VAD_FRAME_OPTIONS: FrameProcessorOptions = {
  positiveSpeechThreshold: 0.5,
  negativeSpeechThreshold: 0.35,
  redemptionMs: 600,
  preSpeechPadMs: 300,
  minSpeechMs: 250,
  submitUserSpeechOnPause: false,
};
