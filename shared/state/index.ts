export * from "./worldState";
