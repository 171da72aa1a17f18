export * from "./messages";
export * from "./movement";
