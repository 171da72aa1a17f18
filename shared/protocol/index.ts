export * from "./messages";
export * from "./movement";
export * from "./companion";
export * from "./xr";
