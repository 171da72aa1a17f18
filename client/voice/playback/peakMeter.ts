/**
 * Samples a meter looks at (about 90 ms at 44.1–48 kHz): long enough that a reading on a busy
 * page, taken seldom, does not fall into the pause between two words.
 */
const METER_SAMPLES = 4096;

/** Measures how loud a node's output is, only when asked: nothing runs per frame. */
export interface PeakMeter {
  /** Largest sample magnitude in the last few milliseconds (0 = silent). */
  read(): number;
  disconnect(): void;
}

/** Taps output `output` of `node` (the node's other connections are untouched). */
export function peakMeter(context: BaseAudioContext, node: AudioNode, output = 0): PeakMeter {
  const analyser = new AnalyserNode(context, { fftSize: METER_SAMPLES });
  node.connect(analyser, output);
  const samples = new Float32Array(METER_SAMPLES);
  return {
    read() {
      analyser.getFloatTimeDomainData(samples);
      let peak = 0;
      for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]!));
      return peak;
    },
    disconnect() {
      node.disconnect(analyser);
    },
  };
}
