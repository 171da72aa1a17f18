import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * Uploaded VRM files in one folder, `<id>.vrm`. Ids are checked UUIDs before they get here, so
 * they are safe in a path.
 */
export function avatarFiles(dir: string) {
  const fileOf = (id: string) => path.join(dir, `${id}.vrm`);
  return {
    dir,
    fileOf,

    /**
     * Written under a temporary name, flushed, then renamed: the file `<id>.vrm` is either absent
     * or complete, never half-written, whatever happens meanwhile.
     */
    async write(id: string, bytes: Uint8Array): Promise<void> {
      await mkdir(dir, { recursive: true });
      const temporary = path.join(dir, `.${id}.${randomUUID()}.partial`);
      try {
        const handle = await open(temporary, "wx");
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, fileOf(id));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async remove(id: string): Promise<void> {
      await rm(fileOf(id), { force: true });
    },

    /** The file as a web stream, for an HTTP answer. */
    stream(id: string): ReadableStream<Uint8Array> {
      return Readable.toWeb(createReadStream(fileOf(id))) as ReadableStream<Uint8Array>;
    },
  };
}
