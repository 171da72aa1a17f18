export * from "./protocol";
export * from "./state";
export * from "./world";
export * from "./persona";
export * from "./avatars";
export * from "./llm";
export * from "./memory";
