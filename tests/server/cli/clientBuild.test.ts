import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serverAddresses } from "../../../server/cli/addresses";
import { clientBuildReason } from "../../../server/cli/clientBuild";
import { makeTempDir } from "../support/tempDir";

describe("clientBuildReason", () => {
  let dir: ReturnType<typeof makeTempDir>;
  const file = (rel: string, secondsAgo: number) => {
    const full = path.join(dir.path, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, rel);
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(full, t, t);
  };
  beforeEach(() => {
    dir = makeTempDir();
    file("client/main.tsx", 300);
    file("shared/protocol/messages.ts", 300);
    file("vite.config.ts", 300);
  });
  afterEach(() => dir.remove());

  it("asks for a build when there is none", () => {
    expect(clientBuildReason(dir.path)).toBe("the web client has not been built yet");
  });

  it("is satisfied by a build newer than every source", () => {
    file("dist/client/index.html", 10);
    expect(clientBuildReason(dir.path)).toBeUndefined();
  });

  it.each(["client/ui/Panel.tsx", "shared/world/schema.ts", "vite.config.ts"])("asks for a rebuild when %s is newer", (source) => {
    file("dist/client/index.html", 10);
    file(source, 0);
    expect(clientBuildReason(dir.path)).toBe(`${source} changed since the last build`);
  });
});

describe("serverAddresses", () => {
  it("gives localhost and the machine's LAN addresses when listening everywhere", () => {
    const { local, lan } = serverAddresses("0.0.0.0", 8080);
    expect(local).toBe("http://localhost:8080");
    for (const url of lan) expect(url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:8080$/);
  });

  it("gives only the bound address otherwise", () => {
    expect(serverAddresses("127.0.0.1", 9000)).toEqual({ local: "http://127.0.0.1:9000", lan: [] });
  });
});
