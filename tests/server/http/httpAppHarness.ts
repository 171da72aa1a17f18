import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createIdentity } from "../../../server/auth";
import { createAvatarService } from "../../../server/avatars";
import { createCompanionService } from "../../../server/companions";
import { createHttpApp, type HttpAppDeps } from "../../../server/http";
import { createLogger } from "../../../server/logging";
import { createMetrics } from "../../../server/metrics";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { loadWorlds } from "../../../server/worlds";
import { openTestDatabase } from "../support/database";
import { makeTempDir } from "../support/tempDir";
import { fixtureWorlds, writeWorlds } from "../support/worldFixtures";

export interface HttpAppHarness {
  app: ReturnType<typeof createHttpApp>;
  deps: HttpAppDeps;
  db: Database;
  /** The key that signs this app's tokens, for tests that forge their own. */
  secret: Uint8Array;
  /** The app's data folder (uploaded avatars go to `<dataDir>/avatars`). */
  dataDir: string;
}

/**
 * The Hono app over a migrated test database and the fixture worlds, for one test file.
 * `prepare` may add files to the worlds and client folders before the app reads them.
 */
export function httpAppHarness(
  options: {
    counts?: { rooms: number; clients: number };
    prepare?: (dirs: { worldsDir: string; clientDir: string; avatarPresetsDir: string }) => void;
    /** Size cap of one avatar upload; default 32 MB as configured by default. */
    avatarMaxBytes?: number;
  } = {},
): HttpAppHarness {
  const harness = { secret: new Uint8Array(randomBytes(32)) } as HttpAppHarness;
  const counts = options.counts ?? { rooms: 0, clients: 0 };
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    harness.db = await openTestDatabase();
    await migrate(harness.db, MIGRATIONS);
    temp = makeTempDir();
    const worldsDir = path.join(temp.path, "worlds");
    const clientDir = path.join(temp.path, "client");
    const avatarPresetsDir = path.join(temp.path, "avatar-presets");
    harness.dataDir = path.join(temp.path, "data");
    mkdirSync(worldsDir, { recursive: true });
    mkdirSync(clientDir, { recursive: true });
    mkdirSync(avatarPresetsDir, { recursive: true });
    writeWorlds(worldsDir, fixtureWorlds());
    options.prepare?.({ worldsDir, clientDir, avatarPresetsDir });
    harness.deps = {
      identity: createIdentity(harness.db, harness.secret),
      companions: createCompanionService(harness.db),
      avatars: createAvatarService({ db: harness.db, dataDir: harness.dataDir, maxBytes: options.avatarMaxBytes ?? 32_000_000 }),
      avatarPresetsDir,
      worlds: loadWorlds(worldsDir),
      metrics: createMetrics(() => counts),
      readCounts: () => counts,
      logger: createLogger("silent"),
      clientDir,
      worldsDir,
    };
    harness.app = createHttpApp(harness.deps);
  });
  afterAll(async () => {
    await harness.db.close();
    temp.remove();
  });
  return harness;
}
