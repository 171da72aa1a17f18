import type { ErrorCode, ErrorEvent } from "../../shared/protocol";

export function refusal(code: ErrorCode, type: string, message: string): { error: ErrorEvent } {
  return { error: { code, type, message } };
}
