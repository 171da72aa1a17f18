import type { Queryable } from "../storage";
import type { VrmVersion } from "./vrmExtension";

/** An uploaded VRM as recorded; its file is `<data dir>/avatars/<id>.vrm`. */
export interface StoredAvatar {
  id: string;
  ownerId: string;
  /** The model's own name (from its VRM meta), else the file name without extension. */
  name: string;
  fileName: string;
  bytes: number;
  sha256: string;
  vrmVersion: VrmVersion;
  createdAt: Date;
}

interface AvatarRow {
  id: string;
  owner_id: string;
  name: string;
  file_name: string;
  bytes: number;
  sha256: string;
  vrm_version: VrmVersion;
  created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` could name an upload at all (and so is safe in a path and a uuid cast). */
export function isAvatarId(id: string): boolean {
  return UUID.test(id);
}

/** The SQL of uploaded avatars, over a database or a transaction. The rules are the service's. */
export function avatarRepository(db: Queryable) {
  return {
    async insert(avatar: Omit<StoredAvatar, "createdAt">): Promise<StoredAvatar> {
      const rows = await db.query<AvatarRow>(
        `INSERT INTO avatars (id, owner_id, name, file_name, bytes, sha256, vrm_version) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [avatar.id, avatar.ownerId, avatar.name, avatar.fileName, avatar.bytes, avatar.sha256, avatar.vrmVersion],
      );
      return toAvatar(rows[0]!);
    },

    /** `lock`: FOR UPDATE to delete it, FOR SHARE to keep it from being deleted while a persona names it. */
    async findById(id: string, lock?: "update" | "share"): Promise<StoredAvatar | undefined> {
      if (!isAvatarId(id)) return undefined;
      const suffix = lock === "update" ? " FOR UPDATE" : lock === "share" ? " FOR SHARE" : "";
      const rows = await db.query<AvatarRow>(`SELECT * FROM avatars WHERE id = $1${suffix}`, [id]);
      return rows[0] && toAvatar(rows[0]);
    },

    /** Oldest first, the order they were uploaded in. */
    async listByOwner(ownerId: string): Promise<StoredAvatar[]> {
      if (!isAvatarId(ownerId)) return [];
      const rows = await db.query<AvatarRow>("SELECT * FROM avatars WHERE owner_id = $1 ORDER BY created_at, id", [ownerId]);
      return rows.map(toAvatar);
    },

    /** Names of the companions whose current persona wears this avatar. */
    async wornBy(id: string): Promise<string[]> {
      const rows = await db.query<{ name: string }>("SELECT name FROM companions WHERE persona->'appearance'->>'customAvatar' = $1 ORDER BY name", [id]);
      return rows.map((row) => row.name);
    },

    async delete(id: string): Promise<void> {
      await db.query("DELETE FROM avatars WHERE id = $1", [id]);
    },
  };
}

function toAvatar(row: AvatarRow): StoredAvatar {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    fileName: row.file_name,
    bytes: row.bytes,
    sha256: row.sha256,
    vrmVersion: row.vrm_version,
    createdAt: row.created_at,
  };
}
