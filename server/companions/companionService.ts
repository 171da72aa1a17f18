import { randomUUID } from "node:crypto";
import { defaultPersona, PersonaBlueprint } from "../../shared/persona";
import { avatarRefusalFor } from "../avatars";
import type { Database } from "../storage";
import { describeZodError } from "../validation";
import { CompanionError } from "./companionError";
import { companionRepository, type PersonaVersion, type StoredCompanion } from "./companionRepository";

/**
 * A persona edit: the whole blueprint. `version` is optional; when given it is the version the
 * edit was based on, and an edit based on an older one is refused instead of silently undoing
 * a change made meanwhile. The server numbers the new version itself.
 */
export const PersonaEdit = PersonaBlueprint.partial({ version: true });

export type PersonaChangedListener = (companion: StoredCompanion) => void;

export interface CompanionService {
  /** The owner's companion, created from the default persona (version 1) on their first join. */
  getOrCreateForOwner(ownerId: string): Promise<StoredCompanion>;
  get(companionId: string): Promise<StoredCompanion | undefined>;
  /** The companion if `ownerId` owns it; CompanionError not_found / not_owner otherwise. */
  getOwned(companionId: string, ownerId: string): Promise<StoredCompanion>;
  /**
   * Replaces the persona (validated, owner only) as a new version, kept in the history with every
   * earlier one; all or nothing. Refusals are CompanionErrors and change nothing.
   */
  updatePersona(companionId: string, ownerId: string, persona: unknown): Promise<StoredCompanion>;
  /** Every persona the companion had, newest (the current one) first; owner only. */
  listVersions(companionId: string, ownerId: string): Promise<PersonaVersion[]>;
  /** Called after each committed persona change (rooms use it to apply edits live). Returns an unsubscribe. */
  onPersonaChanged(listener: PersonaChangedListener): () => void;
}

export function createCompanionService(db: Database): CompanionService {
  const companions = companionRepository(db);
  const listeners = new Set<PersonaChangedListener>();

  async function getOwned(companionId: string, ownerId: string): Promise<StoredCompanion> {
    return checkOwner(await companions.findById(companionId), companionId, ownerId);
  }

  return {
    async getOrCreateForOwner(ownerId) {
      const existing = await companions.findByOwner(ownerId);
      if (existing) return existing;
      const created = await db.transaction(async (tx) => {
        const repository = companionRepository(tx);
        const companion = await repository.insertIfOwnerHasNone({ id: randomUUID(), ownerId, persona: defaultPersona() });
        if (companion) await repository.insertVersion(companion.id, companion.persona);
        return companion;
      });
      // Undefined: another join of the same owner created it first.
      return created ?? (await companions.findByOwner(ownerId))!;
    },

    get: (companionId) => companions.findById(companionId),
    getOwned,

    async updatePersona(companionId, ownerId, persona) {
      const parsed = PersonaEdit.safeParse(persona);
      const updated = await db.transaction(async (tx) => {
        const repository = companionRepository(tx);
        // Locked, so two edits at once get consecutive versions instead of one lost update.
        const current = checkOwner(await repository.findById(companionId, { forUpdate: true }), companionId, ownerId);
        if (!parsed.success) throw new CompanionError("invalid_persona", describeZodError(parsed.error));
        const basedOn = parsed.data.version;
        if (basedOn !== undefined && basedOn !== current.version) {
          throw new CompanionError(
            "version_conflict",
            `the persona was edited as version ${basedOn} but it is at version ${current.version} now: load it again and reapply the change`,
          );
        }
        const customAvatar = parsed.data.appearance.customAvatar;
        const avatarRefusal = customAvatar && (await avatarRefusalFor(tx, customAvatar, ownerId));
        if (avatarRefusal) throw new CompanionError("invalid_persona", `appearance.customAvatar: ${avatarRefusal}`);
        const next: PersonaBlueprint = { ...parsed.data, version: current.version + 1 };
        const saved = await repository.updatePersona(companionId, next);
        await repository.insertVersion(companionId, next);
        return saved;
      });
      for (const listener of listeners) listener(updated);
      return updated;
    },

    async listVersions(companionId, ownerId) {
      await getOwned(companionId, ownerId);
      return companions.listVersions(companionId);
    },

    onPersonaChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function checkOwner(companion: StoredCompanion | undefined, companionId: string, ownerId: string): StoredCompanion {
  if (!companion) throw new CompanionError("not_found", `no companion "${companionId}"`);
  if (companion.ownerId !== ownerId) throw new CompanionError("not_owner", "only its owner can see or change a companion");
  return companion;
}
