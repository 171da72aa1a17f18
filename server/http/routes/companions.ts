import { Hono } from "hono";
import { z } from "zod";
import { PERSONA_CARD_MAX_BYTES } from "../../../shared/persona";
import type { Identity } from "../../auth";
import { CARD_PNG_MAX_BYTES, CompanionError, personaFromCard, type CompanionRefusal, type CompanionService, type StoredCompanion } from "../../companions";
import { authenticatedUser } from "../authenticate";
import { HttpError } from "../errors";
import { limitBody, readJsonBody } from "../validate";
import { cardDownload, readCardUpload } from "./companionCards";

const STATUS: Record<CompanionRefusal, 400 | 403 | 404 | 409> = {
  invalid_persona: 400,
  not_owner: 403,
  not_found: 404,
  version_conflict: 409,
};

/** A persona, and the character card it may carry (see PersonaCard). */
const PERSONA_BODY_LIMIT_BYTES = 16 * 1024 + PERSONA_CARD_MAX_BYTES;

/**
 * `/api/companions`: a companion and its persona, for its owner only (Bearer token). Unknown
 * companions answer 404 and other people's 403, before the body is even read. Character cards
 * (V2/V3, JSON or PNG) import as a new persona version and export from the current one.
 */
export function companionRoutes(identity: Identity, companions: CompanionService) {
  return new Hono()
    .get("/mine", async (c) => {
      const user = await authenticatedUser(c, identity);
      return c.json(view(await companions.getOrCreateForOwner(user.id)));
    })
    .get("/:id", async (c) => {
      const user = await authenticatedUser(c, identity);
      return c.json(view(await refusing(() => companions.getOwned(c.req.param("id"), user.id))));
    })
    .put("/:id", limitBody(PERSONA_BODY_LIMIT_BYTES), async (c) => {
      const user = await authenticatedUser(c, identity);
      const id = c.req.param("id");
      await refusing(() => companions.getOwned(id, user.id));
      // Only well-formed JSON here; the persona's own checks are the service's, in one place.
      const persona = await readJsonBody(c, z.unknown());
      return c.json(view(await refusing(() => companions.updatePersona(id, user.id, persona))));
    })
    .post("/:id/card", limitBody(CARD_PNG_MAX_BYTES), async (c) => {
      const user = await authenticatedUser(c, identity);
      const id = c.req.param("id");
      const current = await refusing(() => companions.getOwned(id, user.id));
      const card = await readCardUpload(c);
      // Based on the version the card was applied to, so an edit made meanwhile is not undone.
      const persona = { ...personaFromCard(card, current.persona), version: current.version };
      return c.json(view(await refusing(() => companions.updatePersona(id, user.id, persona))));
    })
    .get("/:id/card", async (c) => {
      const user = await authenticatedUser(c, identity);
      return cardDownload(c, (await refusing(() => companions.getOwned(c.req.param("id"), user.id))).persona);
    })
    .get("/:id/versions", async (c) => {
      const user = await authenticatedUser(c, identity);
      const versions = await refusing(() => companions.listVersions(c.req.param("id"), user.id));
      return c.json(versions.map(({ version, persona, createdAt }) => ({ version, persona, createdAt: createdAt.toISOString() })));
    });
}

function view(companion: StoredCompanion) {
  const { id, ownerId, name, version, persona, updatedAt } = companion;
  return { id, ownerId, name, version, persona, updatedAt: updatedAt.toISOString() };
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CompanionError) throw new HttpError(STATUS[error.reason], error.message);
    throw error;
  }
}
