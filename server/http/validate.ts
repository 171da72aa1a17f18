import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { describeZodError } from "../validation";
import { HttpError, jsonError } from "./errors";

/** The request's JSON body checked against `schema`; a 400 naming the problem otherwise. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, text.trim() === "" ? "request body is empty: send JSON" : "request body is not valid JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
  return parsed.data;
}

/**
 * The token of an `Authorization: Bearer <token>` header; undefined without the header, a 401
 * when the header is there but is not a bearer token.
 */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header("authorization");
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new HttpError(401, 'the Authorization header must be "Bearer <token>"');
  return match[1];
}

/** Refuses request bodies over `maxSize` bytes with 413 and the limit. */
export function limitBody(maxSize: number) {
  return bodyLimit({ maxSize, onError: (c) => jsonError(c, 413, `request body is larger than ${maxSize} bytes`) });
}
