import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import { freePort } from "../support/freePort";
import { startTestServer, type TestServer } from "../support/testServer";

let llm: ScriptedLlmServer;
let server: TestServer;

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  server = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model });
});
beforeEach(() => llm.reset());
afterAll(async () => {
  await server.stop();
  await llm.close();
});

interface Chat {
  output: () => string;
  errors: () => string;
  exited: Promise<number | null>;
  write: (text: string) => void;
  end: () => void;
  /** Resolves once stdout contains `text`; rejects if the process exits first. */
  printed: (text: string) => Promise<void>;
}

/** `npm run chat -- …args` as a child process, exactly as a user runs it. */
function runChat(args: string[]): Chat {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/chat.ts", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    output: () => stdout,
    errors: () => stderr,
    exited,
    write: (text) => child.stdin.write(text),
    end: () => child.stdin.end(),
    printed: (text) =>
      new Promise((resolve, reject) => {
        const check = () => stdout.includes(text) && resolve();
        child.stdout.on("data", check);
        check();
        void exited.then(() => reject(new Error(`chat exited before printing "${text}":\n${stdout}\n${stderr}`)));
      }),
  };
}

describe("npm run chat", () => {
  it("with a message: joins as a guest, prints the streamed reply with emotions and gestures, and exits", async () => {
    llm.enqueue({ type: "stream", pieces: ["[happy] [wave] Hello", " there Alice!", " The sea", " is calm [nod] today."], delayMs: 5 });
    const chat = runChat(["--url", server.url, "--name", "Alice", "hello"]);
    expect(await chat.exited).toBe(0);
    expect(chat.output()).toBe("Wren [happy] (wave): Hello there Alice!\nWren (nod): The sea is calm today.\n");
    const prompt = llm.requests[0]!.body.messages!;
    expect(prompt.at(-1)!.content).toMatch(/Alice \(your owner\) says:\n«««hello»»»/);
    // The default world: plaza when the server has it, else its first world.
    expect(prompt[0]!.content).toContain("World alpha");
  });

  it("without a message: chats line by line until the input ends", async () => {
    llm.enqueue({ type: "stream", pieces: ["[relaxed] Nice", " to meet you."] }, { type: "stream", pieces: ["Bye", " for now!"], firstTokenDelayMs: 200 });
    const chat = runChat(["--url", server.url, "--name", "Bob", "--world", "beta"]);
    await chat.printed("Bob joined beta with Wren.");
    chat.write("hi Wren\n");
    await chat.printed("Wren [relaxed]: Nice to meet you.");
    // A script's input ends right after its last line: the reply still comes before the exit.
    chat.write("bye\n");
    chat.end();
    expect(await chat.exited).toBe(0);
    expect(chat.output()).toMatch(/Wren: Bye for now!\n$/);
    expect(llm.requests.map((request) => request.body.messages!.at(-1)!.content)).toEqual([
      expect.stringContaining("«««hi Wren»»»"),
      expect.stringContaining("«««bye»»»"),
    ]);
  });

  it("says clearly when the server is not reachable", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const chat = runChat(["--url", url, "hello"]);
    expect(await chat.exited).toBe(1);
    expect(chat.errors()).toMatch(new RegExp(`^chat: cannot reach the Kindred server at ${url} \\(.*ECONNREFUSED.*\\)\\. Is it running\\? Start it with "npm start", or pass --url\\.\\n$`));
  });

  it("explains a bad option", async () => {
    const chat = runChat(["--colour", "red"]);
    expect(await chat.exited).toBe(1);
    expect(chat.errors()).toMatch(/^chat: Unknown option '--colour'[\s\S]*usage: npm run chat/);
  });
});
