export * from "./schema";
export * from "./walkable";
