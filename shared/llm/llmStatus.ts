import { z } from "zod";

/**
 * `GET /api/llm/status`: which language model companions think with and, for the embedded one, how
 * far its download and loading are. No URLs, paths or error texts: those stay in the server's log.
 */
export const LlmStatus = z.object({
  provider: z.enum(["endpoint", "ollama", "local", "none"]),
  /** Remote providers are "ready" (probed at start); "none": no model at all. */
  state: z.enum(["none", "waiting", "downloading", "loading", "ready", "failed"]),
  /** 0..1: the download's share while downloading. */
  progress: z.number().min(0).max(1),
  downloadedBytes: z.number().nonnegative().optional(),
  totalBytes: z.number().nonnegative().optional(),
});
export type LlmStatus = z.infer<typeof LlmStatus>;
