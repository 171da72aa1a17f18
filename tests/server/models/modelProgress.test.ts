import { PassThrough } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createModelProgress } from "../../../server/models";

function capture() {
  const lines: Array<{ msg: string; file?: string }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) });
  const written: string[] = [];
  const terminal = new PassThrough() as unknown as NodeJS.WriteStream;
  terminal.write = ((chunk: string) => (written.push(chunk), true)) as NodeJS.WriteStream["write"];
  return { logger, lines, terminal, written };
}

describe("model download progress", () => {
  it("logs each downloaded file's start and end and draws a progress line on the terminal", () => {
    const { logger, lines, terminal, written } = capture();
    const { report } = createModelProgress({ logger, terminal, label: "embedding model" });
    report({ status: "initiate", file: "onnx/model_quantized.onnx" });
    report({ status: "download", file: "onnx/model_quantized.onnx" });
    report({ status: "progress", file: "onnx/model_quantized.onnx", progress: 42.7, loaded: 9_800_000, total: 23_000_000 });
    report({ status: "done", file: "onnx/model_quantized.onnx" });
    expect(lines.map((l) => l.msg)).toEqual(["downloading embedding model file onnx/model_quantized.onnx", "downloaded embedding model file onnx/model_quantized.onnx"]);
    expect(written.join("")).toContain("embedding model: onnx/model_quantized.onnx 42% (9.3/21.9 MB)");
  });

  it("says nothing for files read from disk", () => {
    const { logger, lines, terminal, written } = capture();
    const progress = createModelProgress({ logger, terminal, label: "voice model" });
    progress.report({ status: "initiate", file: "config.json" });
    progress.report({ status: "progress", file: "config.json", progress: 100, loaded: 10, total: 10 });
    progress.report({ status: "done", file: "config.json" });
    expect(lines).toEqual([]);
    expect(written).toEqual([]);
    expect(progress.downloading).toBeUndefined();
  });

  it("keeps a snapshot of the file downloading now, progress 0–1, for status routes", () => {
    const { logger } = capture();
    const progress = createModelProgress({ logger, terminal: null, label: "voice model" });
    progress.report({ status: "download", file: "tokenizer.json" });
    progress.report({ status: "download", file: "onnx/model_quantized.onnx" });
    progress.report({ status: "progress", file: "onnx/model_quantized.onnx", progress: 25, loaded: 25, total: 100 });
    expect(progress.downloading).toEqual({ file: "onnx/model_quantized.onnx", progress: 0.25 });
    progress.report({ status: "done", file: "onnx/model_quantized.onnx" });
    expect(progress.downloading).toEqual({ file: "tokenizer.json", progress: 0 });
    progress.report({ status: "done", file: "tokenizer.json" });
    expect(progress.downloading).toBeUndefined();
  });
});
