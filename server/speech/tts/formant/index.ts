export { FormantEngine, checkSpeechRequest } from "./formantEngine";
export { fliteVoiceFor, type FliteVoice } from "./fliteVoices";
export { SentenceSpeechStream } from "./sentenceSpeechStream";
export { SpokenSentenceQueue } from "./spokenSentenceQueue";
