import { VOICE_SEGMENT_SAMPLE_RATE } from "../../../shared/speech";
import { closeMicrophone, openMicrophone } from "./microphone";

/** One push-to-talk take: `finish` ends it and gives its audio, `cancel` throws it away. */
export interface Recording {
  /** Mono samples at 16 kHz. */
  finish(): Promise<Float32Array>;
  cancel(): void;
}

/** Opens the microphone and records until finished; the microphone is closed again after. */
export async function startRecording(): Promise<Recording> {
  const stream = await openMicrophone();
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  recorder.start();
  return {
    finish: () =>
      new Promise<Float32Array>((resolve, reject) => {
        recorder.onstop = () => {
          closeMicrophone(stream);
          decodeAt16k(new Blob(chunks, { type: recorder.mimeType })).then(resolve, reject);
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== "inactive") recorder.stop();
      closeMicrophone(stream);
    },
  };
}

/**
 * Decodes the recording with the browser's own decoder, which resamples to its context's rate:
 * whatever rate the microphone ran at, this gives 16 kHz mono, band-limited properly.
 */
async function decodeAt16k(recording: Blob): Promise<Float32Array> {
  const context = new OfflineAudioContext(1, 1, VOICE_SEGMENT_SAMPLE_RATE);
  const audio = await context.decodeAudioData(await recording.arrayBuffer());
  if (audio.numberOfChannels === 1) return audio.getChannelData(0);
  const mono = new Float32Array(audio.length);
  for (let channel = 0; channel < audio.numberOfChannels; channel++) {
    const samples = audio.getChannelData(channel);
    for (let i = 0; i < mono.length; i++) mono[i]! += samples[i]! / audio.numberOfChannels;
  }
  return mono;
}
