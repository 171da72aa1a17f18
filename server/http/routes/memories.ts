import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Identity } from "../../auth";
import { CompanionError, type CompanionService, type StoredCompanion } from "../../companions";
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  FactEditBody,
  ImportQuery,
  LedgerError,
  MemoryEditBody,
  MemoryListQuery,
  parseCompanionExport,
  type CompanionExport,
  type LedgerRefusal,
  type OwnerLedger,
  type OwnerScope,
} from "../../memory";
import { describeZodError } from "../../validation";
import { authenticatedUser } from "../authenticate";
import { HttpError } from "../errors";
import { limitBody, readJsonBody } from "../validate";

const EDIT_BODY_LIMIT_BYTES = 64 * 1024;
/** Years of memories: about 100k of them, with their search context. */
export const IMPORT_BODY_LIMIT_BYTES = 128 * 1024 * 1024;
const FORGET_CONFIRMATION = "everything";

const STATUS: Record<LedgerRefusal, 400 | 404 | 409> = { invalid: 400, not_found: 404, conflict: 409 };

/**
 * `/api/companions/:id/…`: what a companion remembers about its owner, for that owner only
 * (Bearer token): list, search, edit and delete memories and facts, the relationship, forget
 * everything, export and import. Other people's companions answer 403, unknown ones 404, before
 * any query parameter or body is read.
 */
export function memoryRoutes(identity: Identity, companions: CompanionService, ledger: OwnerLedger) {
  async function owned(c: Context): Promise<{ scope: OwnerScope; companion: StoredCompanion }> {
    const user = await authenticatedUser(c, identity);
    const companion = await refusing(() => companions.getOwned(c.req.param("id")!, user.id));
    return { scope: { ownerId: user.id, companionId: companion.id }, companion };
  }

  return new Hono()
    .get("/:id/memories", async (c) => {
      const { scope } = await owned(c);
      return c.json(await refusing(() => ledger.listMemories(scope, parseQuery(c, MemoryListQuery))));
    })
    .patch("/:id/memories/:memoryId", limitBody(EDIT_BODY_LIMIT_BYTES), async (c) => {
      const { scope } = await owned(c);
      const edit = await readJsonBody(c, MemoryEditBody);
      return c.json(await refusing(() => ledger.editMemory(scope, c.req.param("memoryId"), edit)));
    })
    .delete("/:id/memories/:memoryId", async (c) => {
      const { scope } = await owned(c);
      await refusing(() => ledger.deleteMemory(scope, c.req.param("memoryId")));
      return c.json({ deleted: 1 });
    })
    .delete("/:id/memories", async (c) => {
      const { scope } = await owned(c);
      if (c.req.query("confirm") !== FORGET_CONFIRMATION) {
        throw new HttpError(400, `this forgets everything the companion remembers about you: add ?confirm=${FORGET_CONFIRMATION} to confirm`);
      }
      return c.json({ forgotten: await ledger.forgetEverything(scope) });
    })
    .get("/:id/facts", async (c) => {
      const { scope } = await owned(c);
      return c.json({ facts: await ledger.listFacts(scope) });
    })
    .patch("/:id/facts/:factId", limitBody(EDIT_BODY_LIMIT_BYTES), async (c) => {
      const { scope } = await owned(c);
      const edit = await readJsonBody(c, FactEditBody);
      return c.json(await refusing(() => ledger.editFact(scope, c.req.param("factId"), edit)));
    })
    .delete("/:id/facts/:factId", async (c) => {
      const { scope } = await owned(c);
      return c.json(await refusing(() => ledger.deleteFact(scope, c.req.param("factId"))));
    })
    .get("/:id/relationship", async (c) => {
      const { scope } = await owned(c);
      return c.json({ relationship: await ledger.relationship(scope) });
    })
    .get("/:id/export", async (c) => {
      const { scope, companion } = await owned(c);
      const versions = await companions.listVersions(companion.id, scope.ownerId);
      const exportedAt = new Date();
      const document: CompanionExport = {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        exportedAt: exportedAt.toISOString(),
        ownerId: scope.ownerId,
        companion: {
          id: companion.id,
          name: companion.name,
          version: companion.version,
          persona: companion.persona,
          personaVersions: versions.map((v) => ({ version: v.version, persona: v.persona, createdAt: v.createdAt.toISOString() })),
        },
        ...(await ledger.exportMemories(scope)),
      };
      c.header("Content-Disposition", `attachment; filename="${exportFileName(companion.name, exportedAt)}"`);
      return c.json(document);
    })
    .post("/:id/import", limitBody(IMPORT_BODY_LIMIT_BYTES), async (c) => {
      const { scope, companion } = await owned(c);
      const options = parseQuery(c, ImportQuery);
      const document = await refusing(async () => parseCompanionExport(await readJsonBody(c, z.unknown())));
      const report = await ledger.importMemories(scope, document, options.mode);
      if (options.persona === "keep") return c.json({ ...report, persona: null });
      const updated = await refusing(() => companions.updatePersona(companion.id, scope.ownerId, importedPersona(document, companion)));
      return c.json({ ...report, persona: { name: updated.name, version: updated.version } });
    });
}

/**
 * The document's persona as a new version here. An uploaded avatar lives on the server it was
 * uploaded to and is not in the export: it is kept only when it is the one this companion wears.
 */
function importedPersona(document: CompanionExport, current: StoredCompanion) {
  const { appearance } = document.companion.persona;
  const keepsAvatar = appearance.customAvatar !== undefined && appearance.customAvatar === current.persona.appearance.customAvatar;
  const { customAvatar: _dropped, ...withoutUpload } = appearance;
  return { ...document.companion.persona, version: undefined, appearance: keepsAvatar ? appearance : withoutUpload };
}

function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
  return parsed.data;
}

function exportFileName(name: string, at: Date): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "companion";
  return `kindred-${slug}-${at.toISOString().slice(0, 10)}.json`;
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LedgerError) throw new HttpError(STATUS[error.reason], error.message);
    if (error instanceof CompanionError) throw new HttpError(error.reason === "not_owner" ? 403 : error.reason === "not_found" ? 404 : 400, error.message);
    throw error;
  }
}
