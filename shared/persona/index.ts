export * from "./blueprint";
export * from "./defaultPersona";
export * from "./expression";
