export * from "./avatarRef";
export * from "./presets";
