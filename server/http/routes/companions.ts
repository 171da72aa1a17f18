import { Hono } from "hono";
import { z } from "zod";
import type { Identity } from "../../auth";
import { CompanionError, type CompanionRefusal, type CompanionService, type StoredCompanion } from "../../companions";
import { authenticatedUser } from "../authenticate";
import { HttpError } from "../errors";
import { readJsonBody } from "../validate";

const STATUS: Record<CompanionRefusal, 400 | 403 | 404 | 409> = {
  invalid_persona: 400,
  not_owner: 403,
  not_found: 404,
  version_conflict: 409,
};

/**
 * `/api/companions`: a companion and its persona, for its owner only (Bearer token). Unknown
 * companions answer 404 and other people's 403, before the body is even read.
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
    .put("/:id", async (c) => {
      const user = await authenticatedUser(c, identity);
      const id = c.req.param("id");
      await refusing(() => companions.getOwned(id, user.id));
      // Only well-formed JSON here; the persona's own checks are the service's, in one place.
      const persona = await readJsonBody(c, z.unknown());
      return c.json(view(await refusing(() => companions.updatePersona(id, user.id, persona))));
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
