import { LlmStatus } from "../../shared/llm";
import type { GuestAuthResponse } from "../../shared/protocol";
import { WorldDefinition } from "../../shared/world";

/** An HTTP answer that was not 2xx, carrying the server's own error message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function requestJson(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "The Kindred server cannot be reached. Is it running?");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    throw new ApiError(response.status, typeof error === "string" ? error : `HTTP ${response.status} ${response.statusText}`);
  }
  return body;
}

/**
 * Signs in as a guest. With a previous token the server keeps the same user (and renames it),
 * which is what makes a reload the same person.
 */
export async function guestAuth(name: string, token?: string): Promise<GuestAuthResponse> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const body = await requestJson("/api/auth/guest", { method: "POST", headers, body: JSON.stringify({ name }) });
  const auth = body as Partial<GuestAuthResponse> | null;
  if (!auth || typeof auth.token !== "string" || typeof auth.userId !== "string") {
    throw new ApiError(500, "The server's sign-in answer has no token");
  }
  return { token: auth.token, userId: auth.userId, name: typeof auth.name === "string" ? auth.name : name };
}

/** Loads and checks a world definition; a malformed file is reported, not rendered half-way. */
export async function fetchWorld(worldId: string): Promise<WorldDefinition> {
  const body = await requestJson(`/api/worlds/${encodeURIComponent(worldId)}`);
  const parsed = WorldDefinition.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(500, `World "${worldId}" is malformed: ${parsed.error.issues[0]?.message ?? "unknown problem"}`);
  }
  return parsed.data;
}

/** The companions' language model, and how far the embedded one is with its download and loading. */
export async function fetchLlmStatus(): Promise<LlmStatus> {
  const parsed = LlmStatus.safeParse(await requestJson("/api/llm/status"));
  if (!parsed.success) throw new ApiError(500, "The server's language model status is malformed");
  return parsed.data;
}
