/** A GGUF file to download on first use, with what it must be once downloaded. */
export interface DownloadableModel {
  url: string;
  /** Name of the file in `<data dir>/models`. */
  fileName: string;
  /** Known for the default model; a configured URL is checked against the size the server announces. */
  sizeBytes?: number;
  sha256?: string;
}

/**
 * Qwen2.5 1.5B Instruct, Q4_K_M, from Qwen's own repository (Apache-2.0): small enough for a laptop's
 * CPU, multilingual like the personas, and it follows a system prompt well for its size.
 * Size and hash as published with the file (Git LFS pointer).
 */
export const DEFAULT_LOCAL_MODEL = {
  url: "https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf",
  fileName: "qwen2.5-1.5b-instruct-q4_k_m.gguf",
  sizeBytes: 1_117_320_736,
  sha256: "6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e",
} as const satisfies DownloadableModel;
