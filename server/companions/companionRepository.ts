import { PersonaBlueprint } from "../../shared/persona";
import type { Queryable } from "../storage";

/** A companion as stored: its persona's `version` always equals the companion's. */
export interface StoredCompanion {
  id: string;
  ownerId: string;
  name: string;
  version: number;
  persona: PersonaBlueprint;
  createdAt: Date;
  updatedAt: Date;
}

/** One persona a companion had (or has: the newest version is the current persona). */
export interface PersonaVersion {
  version: number;
  persona: PersonaBlueprint;
  createdAt: Date;
}

interface CompanionRow {
  id: string;
  owner_id: string;
  name: string;
  version: number;
  persona: unknown;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  version: number;
  persona: unknown;
  created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQL of companions, over a database or a transaction. No rules here: the service has them. */
export function companionRepository(db: Queryable) {
  return {
    async findById(id: string, { forUpdate = false } = {}): Promise<StoredCompanion | undefined> {
      // A malformed id is simply nobody's companion (PostgreSQL would refuse the cast).
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<CompanionRow>(`SELECT * FROM companions WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
      return rows[0] && toCompanion(rows[0]);
    },

    async findByOwner(ownerId: string): Promise<StoredCompanion | undefined> {
      if (!UUID.test(ownerId)) return undefined;
      const rows = await db.query<CompanionRow>("SELECT * FROM companions WHERE owner_id = $1", [ownerId]);
      return rows[0] && toCompanion(rows[0]);
    },

    /** Inserts the companion unless its owner already has one; undefined when they do. */
    async insertIfOwnerHasNone(companion: Pick<StoredCompanion, "id" | "ownerId" | "persona">): Promise<StoredCompanion | undefined> {
      const { persona } = companion;
      const rows = await db.query<CompanionRow>(
        `INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (owner_id) DO NOTHING RETURNING *`,
        [companion.id, companion.ownerId, persona.name, JSON.stringify(persona), persona.version],
      );
      return rows[0] && toCompanion(rows[0]);
    },

    async updatePersona(id: string, persona: PersonaBlueprint): Promise<StoredCompanion> {
      const rows = await db.query<CompanionRow>(
        "UPDATE companions SET persona = $2::jsonb, name = $3, version = $4, updated_at = now() WHERE id = $1 RETURNING *",
        [id, JSON.stringify(persona), persona.name, persona.version],
      );
      if (!rows[0]) throw new Error(`companion ${id} vanished during its update`);
      return toCompanion(rows[0]);
    },

    async insertVersion(companionId: string, persona: PersonaBlueprint): Promise<void> {
      await db.query("INSERT INTO companion_persona_versions (companion_id, version, persona) VALUES ($1, $2, $3::jsonb)", [
        companionId,
        persona.version,
        JSON.stringify(persona),
      ]);
    },

    /** Newest first. */
    async listVersions(companionId: string): Promise<PersonaVersion[]> {
      if (!UUID.test(companionId)) return [];
      const rows = await db.query<VersionRow>(
        "SELECT version, persona, created_at FROM companion_persona_versions WHERE companion_id = $1 ORDER BY version DESC",
        [companionId],
      );
      return rows.map((row) => ({ version: row.version, persona: readPersona(row.persona), createdAt: row.created_at }));
    },
  };
}

export type CompanionRepository = ReturnType<typeof companionRepository>;

function toCompanion(row: CompanionRow): StoredCompanion {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    version: row.version,
    persona: readPersona(row.persona),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Parsed on the way out too: a stored persona that no longer fits the schema is found at once. */
function readPersona(value: unknown): PersonaBlueprint {
  return PersonaBlueprint.parse(typeof value === "string" ? JSON.parse(value) : value);
}
