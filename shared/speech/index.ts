export * from "./visemes";
export * from "./messages";
