export type { Episode, EpisodeInput, Visibility } from "./episode";
export { recall, type RecallOptions, type RecalledEpisode } from "./recall";
export { recordEpisode } from "./recordEpisode";
