import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../../..");

describe("the server process and kokoro-js", () => {
  // kokoro-js' phonemizer (emscripten) installs process-wide handlers that rethrow every
  // unhandled rejection and uncaught exception: loaded into the server, one stray rejection
  // anywhere would end every room. Only the Kokoro child process may load it.
  it("never loads it: importing the server adds no process-wide error handlers", () => {
    const script = `await import(${JSON.stringify(path.join(root, "server/app.ts"))});
      console.log(JSON.stringify({ rejection: process.listenerCount("unhandledRejection"), exception: process.listenerCount("uncaughtException") }));`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 120_000 });
    const counts = JSON.parse(output.trim().split("\n").pop()!);
    expect(counts).toEqual({ rejection: 0, exception: 0 });
  }, 150_000);
});
