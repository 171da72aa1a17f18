// The letter timeline is shared: the server times it to the voice when an engine gives no phonemes.
export { DEFAULT_CHARS_PER_SECOND, textToVisemeTimeline } from "../../../shared/speech";
