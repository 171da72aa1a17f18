export type { SpeechRequest, SpeechStream, SpokenSentence, TtsEngine, TtsEngineName } from "./ttsEngine";
export { FormantEngine } from "./formant";
export { WorkerTtsEngine, workerEngine } from "./worker";
export { selectTtsEngine, type SelectTtsOptions, type SelectedTtsEngine, type TtsSettings } from "./selectTtsEngine";
