import { pipeline, type FeatureExtractionPipeline } from "@huggingface/transformers";
import { loadTransformersModel, type TransformersModelOptions } from "../../models";

/** A loaded sentence model: texts in, unit-length vectors out. */
export interface Embedder {
  /** What its vectors are stored under: the model id, or the model directory. */
  readonly name: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
  close(): Promise<void>;
}

export type LoadEmbedderOptions = TransformersModelOptions;

// pipeline()'s overloads over every task make the checker give up (TS2590); this is the one used.
const createExtractor = pipeline as unknown as (task: "feature-extraction", model: string, options: object) => Promise<FeatureExtractionPipeline>;

/**
 * Loads a sentence-transformer through transformers.js (`feature-extraction`, mean pooling,
 * normalised): q8 weights (onnx/model_quantized.onnx), a quarter of fp32's download and faster on
 * CPU. A local directory is only read, never completed from the network.
 */
export async function loadEmbedder(options: LoadEmbedderOptions): Promise<Embedder> {
  return loadTransformersModel(options, async (loadOptions) => {
    const extractor = await createExtractor("feature-extraction", options.model, {
      ...loadOptions,
      dtype: "q8",
      // One thread: embedding is background work, and the replies need the other cores (two here).
      session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
    });
    const embed = async (texts: readonly string[]) => {
      const output = await extractor([...texts], { pooling: "mean", normalize: true });
      return output.tolist() as number[][];
    };
    const [probe] = await embed(["dimension probe"]);
    return { name: options.model, dimensions: probe!.length, embed, close: () => extractor.dispose() };
  });
}
