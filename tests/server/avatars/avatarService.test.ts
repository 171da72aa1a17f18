import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAvatarService, type AvatarService } from "../../../server/avatars";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";
import { makeTempDir } from "../support/tempDir";
import { validVrm1 } from "../../support/vrmFixtures";

let db: Database;
let temp: ReturnType<typeof makeTempDir>;
let avatars: AvatarService;
const dataDir = () => path.join(temp.path, "data");
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
const rowCount = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM avatars"))[0]!.n;

async function newUser(): Promise<string> {
  const id = randomUUID();
  await db.query("INSERT INTO users (id, name) VALUES ($1, $2)", [id, "Ann"]);
  return id;
}

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  temp = makeTempDir();
  avatars = createAvatarService({ db, dataDir: dataDir(), maxBytes: 1_000_000 });
});

afterAll(async () => {
  await db.close();
  temp.remove();
});

describe("avatar uploads are all or nothing", () => {
  it("keeps the file and the row together when both can be written", async () => {
    const owner = await newUser();
    const avatar = await avatars.upload(owner, validVrm1(), "a.vrm");
    expect(filesIn(path.join(dataDir(), "avatars"))).toEqual([`${avatar.id}.vrm`]);
    expect(await avatars.get(avatar.id)).toEqual(avatar);
    await avatars.remove(avatar.id, owner);
  });

  it("removes the written file again when the row cannot be stored", async () => {
    const rowsBefore = await rowCount();
    // No such user: the row's owner reference fails after the file was written.
    await expect(avatars.upload(randomUUID(), validVrm1(), "a.vrm")).rejects.toThrow(/foreign key/);
    expect(filesIn(path.join(dataDir(), "avatars"))).toEqual([]);
    expect(await rowCount()).toBe(rowsBefore);
  });

  it("stores no row when the file cannot be written", async () => {
    const blocked = path.join(temp.path, "blocked");
    writeFileSync(blocked, "a file where the data folder should be");
    const cannotWrite = createAvatarService({ db, dataDir: blocked, maxBytes: 1_000_000 });
    const rowsBefore = await rowCount();
    await expect(cannotWrite.upload(await newUser(), validVrm1(), "a.vrm")).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await rowCount()).toBe(rowsBefore);
  });
});
