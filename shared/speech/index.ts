export * from "./visemes";
export * from "./messages";
export * from "./textTimeline";
export * from "./pcm16";
