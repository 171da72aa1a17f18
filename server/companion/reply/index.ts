export { InlineTagParser, type TaggedPiece } from "./inlineTagParser";
export { joinSentences, type DoneEvent, type ReplyEvent, type SentenceEvent } from "./replyEvents";
export { replyStream, type ReplyStreamOptions } from "./replyStream";
export { EARLY_RELEASE_MIN_WORDS, MAX_SENTENCE_LENGTH, SentenceSplitter, type SentenceSpan } from "./sentenceSplitter";
export { interpretTag, type Tag } from "./tagVocabulary";
