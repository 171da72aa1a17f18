/** What the embedding process is started with: loadEmbedder's options, less the callback. */
export interface EmbedderProcessSetup {
  model: string;
  cacheDir: string;
  allowDownload?: boolean;
}

/** What it says once its model is loaded. */
export interface EmbedderProcessInfo {
  name: string;
  dimensions: number;
}
