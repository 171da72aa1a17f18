export { DEFAULT_LOCAL_MODEL, type DownloadableModel } from "./defaultModel";
export { describeStatus } from "./describeStatus";
export { ensureModelFile, ModelFileError, type DownloadProgress, type EnsureModelFileOptions } from "./ensureModelFile";
export { LocalModelHost, type LoadedModel, type LocalModelHostOptions } from "./localModelHost";
export { createLocalProvider, type LocalProviderOptions } from "./localProvider";
export { describeSource, isPresent, resolveModelSource, type ModelSource } from "./modelSource";
export { ModelStatusBoard, type LocalModelState, type LocalModelStatus } from "./modelStatus";
