/**
 * Why a generation failed, in terms a caller can act on: retry later (unreachable, timeout, busy:
 * the shared model's queue is full, loading: the model is still downloading or loading), fix
 * configuration (http), distrust the server (malformed), or nothing at all (aborted).
 */
export type ProviderErrorKind = "unreachable" | "http" | "timeout" | "malformed" | "aborted" | "busy" | "loading";

export class ProviderError extends Error {
  override readonly name = "ProviderError";

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
