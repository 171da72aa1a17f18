export { isModelDirectory, modelFilesPresent, modelFolder } from "./modelCache";
export { createModelProgress, type ModelDownload, type ModelProgress, type ModelProgressEvent, type ModelProgressOptions } from "./modelProgress";
export { loadTransformersModel, type TransformersLoadOptions, type TransformersModelOptions } from "./loadTransformersModel";
