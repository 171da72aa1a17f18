import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_FILE_NAME, CONFIG_KEYS, ConfigError, defaultConfig, loadConfig } from "../../../server/config";
import { makeTempDir } from "../support/tempDir";

describe("loadConfig", () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  const writeYaml = (text: string) => writeFileSync(path.join(dir.path, CONFIG_FILE_NAME), text);

  it("uses the documented defaults with no environment and no file", () => {
    const config = loadConfig({ env: {}, cwd: dir.path });
    expect(config).toEqual({
      port: 8080,
      host: "0.0.0.0",
      dataDir: path.join(dir.path, "data"),
      databaseUrl: undefined,
      maxClients: 24,
      defaultWorld: "plaza",
      worldsDir: path.join(dir.path, "worlds"),
      logLevel: "info",
      reconnectSeconds: 20,
      llmMode: "auto",
      llmBaseUrl: undefined,
      llmApiKey: undefined,
      llmModel: undefined,
      ollamaUrl: "http://127.0.0.1:11434",
      embeddingModel: "Xenova/all-MiniLM-L6-v2",
      localModel: "default",
      localGpu: "false",
      localParallel: 1,
      localQueue: 8,
      ttsEngine: "auto",
      ttsModel: "onnx-community/Kokoro-82M-v1.0-ONNX",
      ttsDtype: "q8",
      asrModel: "onnx-community/whisper-base",
      avatarMaxMegabytes: 32,
      memoryUsesModel: true,
      memoryReflectLines: 24,
      memoryRecallTokens: 600,
      https: false,
    });
    expect(defaultConfig(dir.path)).toEqual(config);
  });

  it("documents every key it reads", () => {
    expect(CONFIG_KEYS.map((k) => k.name).sort()).toEqual(
      [
        "DATABASE_URL",
        "HOST",
        "KINDRED_ASR_MODEL",
        "KINDRED_AVATAR_MAX_MB",
        "KINDRED_DATA_DIR",
        "KINDRED_DEFAULT_WORLD",
        "KINDRED_EMBEDDING_MODEL",
        "KINDRED_HTTPS",
        "KINDRED_LLM",
        "KINDRED_LLM_API_KEY",
        "KINDRED_LLM_BASE_URL",
        "KINDRED_LLM_MODEL",
        "KINDRED_LOCAL_GPU",
        "KINDRED_LOCAL_MODEL",
        "KINDRED_LOCAL_PARALLEL",
        "KINDRED_LOCAL_QUEUE",
        "KINDRED_MAX_CLIENTS",
        "KINDRED_MEMORY_MODEL",
        "KINDRED_MEMORY_RECALL_TOKENS",
        "KINDRED_MEMORY_REFLECT_LINES",
        "KINDRED_OLLAMA_URL",
        "KINDRED_RECONNECT_SECONDS",
        "KINDRED_TTS",
        "KINDRED_TTS_DTYPE",
        "KINDRED_TTS_MODEL",
        "KINDRED_WORLDS_DIR",
        "LOG_LEVEL",
        "PORT",
      ],
    );
    for (const key of CONFIG_KEYS) expect(key.description.length).toBeGreaterThan(10);
  });

  it("reads kindred.config.yaml, and the environment wins over it", () => {
    writeYaml("PORT: 9001\nKINDRED_MAX_CLIENTS: 5\nKINDRED_DATA_DIR: ./state\n");
    const config = loadConfig({ env: { PORT: "9002" }, cwd: dir.path });
    expect(config.port).toBe(9002);
    expect(config.maxClients).toBe(5);
    expect(config.dataDir).toBe(path.join(dir.path, "state"));
  });

  it("treats an empty environment variable as unset", () => {
    expect(loadConfig({ env: { PORT: "" }, cwd: dir.path }).port).toBe(8080);
  });

  it("accepts a PostgreSQL DATABASE_URL", () => {
    expect(loadConfig({ env: { DATABASE_URL: "postgres://u:p@db:5432/kindred" }, cwd: dir.path }).databaseUrl).toBe(
      "postgres://u:p@db:5432/kindred",
    );
  });

  it.each([
    ["PORT", "eighty", /PORT="eighty" \(environment\): must be a number/],
    ["PORT", "70000", /PORT="70000" \(environment\): must be at most 65535/],
    ["KINDRED_MAX_CLIENTS", "2.5", /KINDRED_MAX_CLIENTS="2.5" \(environment\): must be a whole number/],
    ["LOG_LEVEL", "loud", /LOG_LEVEL="loud" \(environment\): must be one of fatal, error/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL="mysql:\/\/x" \(environment\): must be a postgres/],
    ["KINDRED_DEFAULT_WORLD", "Main Hall", /KINDRED_DEFAULT_WORLD="Main Hall" \(environment\): must be a world id/],
    ["KINDRED_RECONNECT_SECONDS", "-1", /KINDRED_RECONNECT_SECONDS="-1" \(environment\): must be at least 0/],
    ["KINDRED_LLM", "gpt", /KINDRED_LLM="gpt" \(environment\): must be one of auto, openai, local, none/],
    ["KINDRED_LLM", "openai", /KINDRED_LLM="openai" \(environment\): openai needs KINDRED_LLM_BASE_URL/],
    ["KINDRED_LLM_BASE_URL", "localhost:8000", /KINDRED_LLM_BASE_URL="localhost:8000" \(environment\): must be an http:\/\/ or https:\/\/ URL/],
    ["KINDRED_OLLAMA_URL", "ftp://x", /KINDRED_OLLAMA_URL="ftp:\/\/x" \(environment\): must be an http/],
    ["KINDRED_LOCAL_GPU", "tpu", /KINDRED_LOCAL_GPU="tpu" \(environment\): must be one of false, auto, cuda, vulkan, metal/],
    ["KINDRED_TTS", "loud", /KINDRED_TTS="loud" \(environment\): must be one of auto, kokoro, formant, none/],
    ["KINDRED_TTS_DTYPE", "int3", /KINDRED_TTS_DTYPE="int3" \(environment\): must be one of q8, fp32, fp16, q4, q4f16/],
    ["KINDRED_ASR_MODEL", "whisper", /KINDRED_ASR_MODEL="whisper" \(environment\): must be none, a Hugging Face model id/],
    ["KINDRED_LOCAL_PARALLEL", "0", /KINDRED_LOCAL_PARALLEL="0" \(environment\): must be at least 1/],
    ["KINDRED_LOCAL_QUEUE", "-1", /KINDRED_LOCAL_QUEUE="-1" \(environment\): must be at least 0/],
  ])("refuses %s=%s with a message naming the key", (key, value, message) => {
    expect(() => loadConfig({ env: { [key]: value }, cwd: dir.path })).toThrow(message);
    expect(() => loadConfig({ env: { [key]: value }, cwd: dir.path })).toThrow(ConfigError);
  });

  it("reads the language model settings, without trailing slashes on URLs", () => {
    writeYaml("KINDRED_LLM: openai\nKINDRED_LLM_MODEL: llama3.2\n");
    const config = loadConfig({ env: { KINDRED_LLM_BASE_URL: "http://gpu-box:8000/v1/", KINDRED_LLM_API_KEY: "sk-test", KINDRED_OLLAMA_URL: "http://ollama:11434/" }, cwd: dir.path });
    expect(config).toMatchObject({
      llmMode: "openai",
      llmBaseUrl: "http://gpu-box:8000/v1",
      llmApiKey: "sk-test",
      llmModel: "llama3.2",
      ollamaUrl: "http://ollama:11434",
    });
  });

  it("reads the embedded model settings: a path becomes absolute, a URL or keyword stays", () => {
    writeYaml("KINDRED_LLM: local\nKINDRED_LOCAL_MODEL: models/tiny.gguf\nKINDRED_LOCAL_GPU: vulkan\n");
    expect(loadConfig({ env: { KINDRED_LOCAL_PARALLEL: "2", KINDRED_LOCAL_QUEUE: "0" }, cwd: dir.path })).toMatchObject({
      llmMode: "local",
      localModel: path.join(dir.path, "models/tiny.gguf"),
      localGpu: "vulkan",
      localParallel: 2,
      localQueue: 0,
    });
    const url = "https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf";
    expect(loadConfig({ env: { KINDRED_LOCAL_MODEL: url }, cwd: dir.path }).localModel).toBe(url);
    expect(loadConfig({ env: { KINDRED_LOCAL_MODEL: "none" }, cwd: dir.path }).localModel).toBe("none");
  });

  it("names the file when the bad value comes from it", () => {
    writeYaml("KINDRED_MAX_CLIENTS: 0\n");
    expect(() => loadConfig({ env: {}, cwd: dir.path })).toThrow(/KINDRED_MAX_CLIENTS="0" \(kindred\.config\.yaml\): must be at least 1/);
  });

  it("refuses unknown keys, non-mappings and broken YAML in the file", () => {
    writeYaml("PROT: 8080\n");
    expect(() => loadConfig({ env: {}, cwd: dir.path })).toThrow(/unknown key "PROT"/);
    writeYaml("- PORT\n");
    expect(() => loadConfig({ env: {}, cwd: dir.path })).toThrow(/must be a mapping/);
    writeYaml("PORT: [1, 2\n");
    expect(() => loadConfig({ env: {}, cwd: dir.path })).toThrow(/not valid YAML/);
  });
});
