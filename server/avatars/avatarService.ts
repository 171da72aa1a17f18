import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import type { Database, Queryable } from "../storage";
import { AvatarError } from "./avatarError";
import { avatarFiles } from "./avatarFiles";
import { avatarRepository, type StoredAvatar } from "./avatarRepository";
import { validateVrm } from "./validateVrm";

export interface AvatarServiceOptions {
  db: Database;
  /** Uploaded files go to `<dataDir>/avatars/`. */
  dataDir: string;
  /** The size cap of one upload. */
  maxBytes: number;
}

export interface AvatarService {
  readonly maxBytes: number;
  /**
   * Validates and stores an uploaded VRM for `ownerId`; all or nothing: a refused or failed
   * upload leaves no file and no row. Refusals are AvatarErrors naming what is wrong.
   */
  upload(ownerId: string, bytes: Uint8Array, fileName: string | undefined): Promise<StoredAvatar>;
  listForOwner(ownerId: string): Promise<StoredAvatar[]>;
  get(id: string): Promise<StoredAvatar | undefined>;
  /** The stored file's bytes as a stream. */
  stream(avatar: StoredAvatar): ReadableStream<Uint8Array>;
  /** Deletes an upload (its owner only), unless a companion wears it: AvatarError otherwise. */
  remove(id: string, ownerId: string): Promise<void>;
}

const NAME_MAX = 80;
const FILE_NAME_MAX = 200;
const DEFAULT_FILE_NAME = "avatar.vrm";

export function createAvatarService({ db, dataDir, maxBytes }: AvatarServiceOptions): AvatarService {
  const files = avatarFiles(path.join(dataDir, "avatars"));
  const avatars = avatarRepository(db);

  return {
    maxBytes,

    async upload(ownerId, bytes, givenFileName) {
      const facts = validateVrm(bytes, maxBytes);
      const fileName = cleanFileName(givenFileName);
      const id = randomUUID();
      const name = (facts.title?.trim() || path.parse(fileName).name || "Uploaded avatar").slice(0, NAME_MAX);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      // File first, then the row: a row always has its file. If the row cannot be written the
      // file goes again, so a failed upload leaves nothing behind.
      await files.write(id, bytes);
      try {
        return await avatars.insert({ id, ownerId, name, fileName, bytes: bytes.byteLength, sha256, vrmVersion: facts.version });
      } catch (error) {
        await files.remove(id);
        throw error;
      }
    },

    listForOwner: (ownerId) => avatars.listByOwner(ownerId),
    get: (id) => avatars.findById(id),
    stream: (avatar) => files.stream(avatar.id),

    async remove(id, ownerId) {
      await db.transaction(async (tx) => {
        const repository = avatarRepository(tx);
        const avatar = await repository.findById(id, "update");
        if (!avatar) throw new AvatarError("not_found", `no uploaded avatar "${id}"`);
        if (avatar.ownerId !== ownerId) throw new AvatarError("not_owner", "only the person who uploaded an avatar can delete it");
        const wearers = await repository.wornBy(id);
        if (wearers.length > 0) {
          throw new AvatarError("in_use", `"${avatar.name}" is ${wearers.join(" and ")}'s appearance: pick another avatar for them first`);
        }
        await repository.delete(id);
      });
      // After the commit: were the row deletion rolled back, the row would have lost its file.
      await files.remove(id);
    },
  };
}

/**
 * Why a persona may not wear upload `id`, or undefined when its owner may. Run it in the
 * transaction that saves the persona: the row stays locked against deletion until it commits.
 */
export async function avatarRefusalFor(tx: Queryable, id: string, ownerId: string): Promise<string | undefined> {
  const avatar = await avatarRepository(tx).findById(id, "share");
  if (!avatar) return `no uploaded avatar "${id}"`;
  if (avatar.ownerId !== ownerId) return `the uploaded avatar "${id}" belongs to someone else`;
  return undefined;
}

/** The base name the browser sent, without folders or control characters. */
function cleanFileName(fileName: string | undefined): string {
  const base = path.basename((fileName ?? "").replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || DEFAULT_FILE_NAME).slice(0, FILE_NAME_MAX);
}
