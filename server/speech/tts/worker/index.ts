export { WorkerTtsEngine, type WorkerTtsEngineOptions } from "./workerTtsEngine";
export { workerEngine } from "./workerEngines";
export type { Isolation } from "./engineHost";
export type { WorkerEngineModule, WorkerEngineOptions } from "./workerProtocol";
