import { Hono } from "hono";
import type { LlmStatus } from "../../../shared/llm";

/**
 * `/api/llm/status`: which language model companions think with and, for the embedded one, how far
 * its download and loading are. Public like /healthz: the loading screen asks before sign-in.
 */
export function llmRoutes(readStatus: () => LlmStatus) {
  return new Hono().get("/status", (c) => c.json(readStatus()));
}
