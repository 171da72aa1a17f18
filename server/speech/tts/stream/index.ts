export { MAX_SPEED, MIN_SPEED, checkSpeechRequest } from "./speechRequest";
export { SentenceSpeechStream } from "./sentenceSpeechStream";
export { SpokenSentenceQueue } from "./spokenSentenceQueue";
