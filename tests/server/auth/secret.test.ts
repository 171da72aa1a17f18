import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSecret, SECRET_FILE_NAME } from "../../../server/auth";
import { makeTempDir } from "../support/tempDir";

describe("loadOrCreateSecret", () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it("creates a private secret on first start and reuses it after", () => {
    const dataDir = path.join(dir.path, "data");
    const first = loadOrCreateSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(dataDir)).toEqual(first);
  });

  it("refuses a secret file too short to be a key", () => {
    writeFileSync(path.join(dir.path, SECRET_FILE_NAME), "short\n");
    expect(() => loadOrCreateSecret(dir.path)).toThrow(/fewer than 32 bytes/);
  });
});
