export { crossCheckWorld, type WorldProblem } from "./crossCheck";
export { jsonPath, loadWorlds, WorldLoadError, type WorldCatalog, type WorldSummary } from "./load";
