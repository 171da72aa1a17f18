import type { Context } from "hono";
import { z } from "zod";
import { CardError, exportCard, parseCard, type CharacterCard } from "../../companions";
import type { PersonaBlueprint } from "../../../shared/persona";
import { describeZodError } from "../../validation";
import { HttpError } from "../errors";

/** `GET /api/companions/:id/card` query. V3 as PNG by default: it carries a V2 copy too. */
const CardDownloadQuery = z.object({
  format: z.enum(["v2", "v3"], { error: 'format must be "v2" or "v3"' }).default("v3"),
  as: z.enum(["json", "png"], { error: 'as must be "json" or "png"' }).default("png"),
});

const UPLOAD_TYPES = { "image/png": "png", "application/json": "json" } as const;

/** The card in the request body (a PNG or JSON, by Content-Type); 400, 413 or 415 naming the problem. */
export async function readCardUpload(c: Context): Promise<CharacterCard> {
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(mediaType in UPLOAD_TYPES)) throw new HttpError(415, "send the card as image/png (a card PNG) or application/json (card JSON)");
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new HttpError(400, "request body is empty: send a card PNG or card JSON");
  try {
    return parseCard(bytes, { declared: UPLOAD_TYPES[mediaType as keyof typeof UPLOAD_TYPES] });
  } catch (error) {
    if (error instanceof CardError) throw new HttpError(error.reason === "too_large" ? 413 : 400, error.message);
    throw error;
  }
}

/** The persona as a card file to download, in the format the query asks for. */
export function cardDownload(c: Context, persona: PersonaBlueprint): Response {
  const query = CardDownloadQuery.safeParse(c.req.query());
  if (!query.success) throw new HttpError(400, describeZodError(query.error));
  const card = exportCard(persona, query.data);
  const fileName = `${persona.name.replace(/[^A-Za-z0-9_-]+/g, "_") || "companion"}.${query.data.format}.card.${card.fileExtension}`;
  return c.body(card.bytes, 200, {
    "content-type": card.contentType,
    "content-disposition": `attachment; filename="${fileName}"`,
  });
}
