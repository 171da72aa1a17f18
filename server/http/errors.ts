import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../logging";

/** A refusal with a status and a message for the caller; answered as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function jsonError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: message }, status);
}

/** Known refusals keep their status and message; anything else is logged and answered 500. */
export function handleErrors(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof HttpError) return jsonError(c, error.status, error.message);
    if (error instanceof HTTPException) return jsonError(c, error.status as ContentfulStatusCode, error.message || "request refused");
    logger.error({ err: error, path: c.req.path }, "request failed");
    return jsonError(c, 500, "internal server error");
  };
}
