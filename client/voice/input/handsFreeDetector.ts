import { closeMicrophone, openMicrophone } from "./microphone";
import { VAD_FRAME_OPTIONS, VAD_MODEL, VOICE_ASSETS_PATH } from "./vadOptions";

/** What the detector reports while it listens. */
export interface DetectorEvents {
  speechStarted(): void;
  /** Mono samples at 16 kHz, from a little before the speech began to its end. */
  speechEnded(samples: Float32Array): void;
  /** It thought speech began, but it was too short to be words. */
  misfired(): void;
}

export interface Detector {
  stop(): Promise<void>;
}

/**
 * Starts Silero voice activity detection on the microphone. Its model, worklet and
 * onnxruntime-web's WASM come from Kindred's own server, never a CDN.
 */
export async function startDetector(events: DetectorEvents): Promise<Detector> {
  // The real-time module alone: vad-web's index also pulls onnxruntime-web's full build (WebGL,
  // WebGPU) for its offline detector, several hundred kB this page never uses.
  const { MicVAD } = await import("@ricky0123/vad-web/dist/real-time-vad");
  const assets = new URL(VOICE_ASSETS_PATH, window.location.origin).href;
  const vad = await MicVAD.new({
    ...VAD_FRAME_OPTIONS,
    model: VAD_MODEL,
    baseAssetPath: assets,
    onnxWASMBasePath: assets,
    ortConfig: (ort) => {
      ort.env.logLevel = "error";
      // The model is tiny: one thread, and no need for a cross-origin-isolated page.
      ort.env.wasm.numThreads = 1;
    },
    getStream: openMicrophone,
    resumeStream: openMicrophone,
    pauseStream: async (stream) => closeMicrophone(stream),
    onSpeechStart: () => events.speechStarted(),
    onSpeechEnd: (samples) => events.speechEnded(samples),
    onVADMisfire: () => events.misfired(),
  });
  return { stop: () => vad.destroy() };
}
