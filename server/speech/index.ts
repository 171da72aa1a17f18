export * from "./speaker";
export * from "./visemes";
export * from "./tts";
export * from "./asr";
