/**
 * `npm run chat -- [--url URL] [--name NAME] [--world ID] [message…]`: talk to your companion from
 * a terminal, through the same room and SDK as the web client. With a message: prints the streamed
 * reply and exits. Without one: an interactive chat until Ctrl+D (Ctrl+C stops a reply mid-way).
 */
import readline from "node:readline";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import type { Action } from "../../shared/persona";
import {
  ClientMessage,
  ServerMessage,
  WORLD_ROOM,
  type ChatEvent,
  type CompanionDoneEvent,
  type CompanionSentenceEvent,
  type ErrorEvent,
  type GuestAuthResponse,
} from "../../shared/protocol";
import { WorldState } from "../../shared/state";

const USAGE = `usage: npm run chat -- [--url URL] [--name NAME] [--world ID] [--timeout SECONDS] [message…]
  --url      the Kindred server (default http://localhost:8080)
  --name     your display name (default Guest)
  --world    the world to join (default: plaza, else the server's first world)
  --timeout  longest wait for a reply, seconds (default 120)
Without a message: an interactive chat; Ctrl+C stops a reply, Ctrl+D leaves.`;

/** Thrown for problems the user can fix; printed as one line, no stack. */
class ChatError extends Error {}

interface Options {
  url: string;
  name: string;
  world: string | undefined;
  timeoutMs: number;
  message: string;
}

type WorldRoom = Room<unknown, WorldState>;

function readOptions(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string", default: "http://localhost:8080" },
      name: { type: "string", default: "Guest" },
      world: { type: "string" },
      timeout: { type: "string", default: "120" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ChatError(`--timeout must be a positive number of seconds, not "${values.timeout}"`);
  return { url: values.url.replace(/\/+$/, ""), name: values.name, world: values.world, timeoutMs: timeout * 1000, message: positionals.join(" ").trim() };
}

/** One reply line: `Wren [happy] (wave, point:fountain): Hello there!` */
function formatSentence(name: string, event: CompanionSentenceEvent): string {
  const emotion = event.emotion ? ` [${event.emotion}]` : "";
  const actions = event.actions.length > 0 ? ` (${event.actions.map(formatAction).join(", ")})` : "";
  return `${name}${emotion}${actions}${event.text ? `: ${event.text}` : ""}`;
}

function formatAction(action: Action): string {
  return action.target ? `${action.name}:${action.target}` : action.name;
}

async function requestJson(url: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    const server = new URL(url).origin;
    throw new ChatError(`cannot reach the Kindred server at ${server} (${cause}). Is it running? Start it with "npm start", or pass --url.`);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
  if (!response.ok) throw new ChatError(`${url} answered ${response.status}: ${body?.error ?? response.statusText}`);
  return body;
}

async function chooseWorld(url: string): Promise<string> {
  const worlds = (await requestJson(`${url}/api/worlds`)) as { id: string }[];
  const world = worlds.find((w) => w.id === "plaza") ?? worlds[0];
  if (!world) throw new ChatError(`${url} has no worlds`);
  return world.id;
}

async function joinWorld(options: Options): Promise<{ room: WorldRoom; companionId: string; companionName: string }> {
  const auth = (await requestJson(`${options.url}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: options.name }),
  })) as GuestAuthResponse;
  const world = options.world ?? (await chooseWorld(options.url));
  let room: WorldRoom;
  try {
    room = await new Client(options.url).joinOrCreate<WorldState>(WORLD_ROOM, { token: auth.token, world }, WorldState);
  } catch (error) {
    throw new ChatError(`cannot join world "${world}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const companion = await new Promise<{ id: string; name: string }>((resolve) => {
    const check = (state: WorldState) => {
      const mine = state.companions.get(room.sessionId);
      if (!mine) return;
      room.onStateChange.remove(check);
      resolve({ id: mine.id, name: mine.name });
    };
    room.onStateChange(check);
  });
  return { room, companionId: companion.id, companionName: companion.name };
}

interface Listeners {
  print: (line: string) => void;
  /** My companion finished a reply. */
  onDone: (event: CompanionDoneEvent) => void;
  /** The server refused something I sent. */
  onRefused: (event: ErrorEvent) => void;
}

/** Prints my companion's sentences and other people's chat lines as they arrive; hands on the rest. */
function listen(room: WorldRoom, companionId: string, companionName: string, { print, onDone, onRefused }: Listeners) {
  room.onMessage(ServerMessage.CompanionSentence, (event: CompanionSentenceEvent) => {
    if (event.companionId !== companionId) return;
    print(formatSentence(companionName, event));
  });
  room.onMessage(ServerMessage.CompanionDone, (event: CompanionDoneEvent) => {
    if (event.companionId === companionId) onDone(event);
  });
  room.onMessage(ServerMessage.Chat, (event: ChatEvent) => {
    if (event.userId !== room.state.players.get(room.sessionId)?.userId) print(`${event.name}: ${event.text}`);
  });
  room.onMessage(ServerMessage.Error, onRefused);
  room.onMessage(ServerMessage.Portal, () => undefined);
}

async function sayOnce(options: Options): Promise<void> {
  const { room, companionId, companionName } = await joinWorld(options);
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ChatError(`no reply from ${companionName} within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    const onDone = () => {
      clearTimeout(timer);
      resolve();
    };
    const onRefused = (event: ErrorEvent) => event.type === ClientMessage.Chat && reject(new ChatError(`the server refused the message: ${event.message}`));
    listen(room, companionId, companionName, { print: (line) => console.log(line), onDone, onRefused });
    room.onLeave((code) => reject(new ChatError(`the server closed the connection (code ${code})`)));
  });
  room.send(ClientMessage.Chat, { text: options.message });
  try {
    await done;
  } finally {
    room.onLeave.clear();
    await room.leave(true).catch(() => undefined);
  }
}

async function chatInteractively(options: Options): Promise<void> {
  const { room, companionId, companionName } = await joinWorld(options);
  const terminal = process.stdin.isTTY === true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal, prompt: "you> " });
  // Lines arriving while the user types are printed above the prompt, which is then redrawn.
  const print = (line: string) => {
    if (!terminal) return console.log(line);
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
    console.log(line);
    rl.prompt(true);
  };
  // Lines whose reply has not ended yet (every line the server accepts gets exactly one `done`).
  let unanswered = 0;
  let allAnswered = () => {};
  const answered = () => {
    unanswered = Math.max(0, unanswered - 1);
    if (unanswered === 0) allAnswered();
  };
  const onRefused = (event: ErrorEvent) => {
    print(`! ${event.message}`);
    if (event.type === ClientMessage.Chat) answered();
  };
  listen(room, companionId, companionName, { print, onDone: answered, onRefused });
  room.onLeave((code) => {
    console.error(`\nthe server closed the connection (code ${code})`);
    process.exit(1);
  });
  console.log(`${options.name} joined ${room.state.worldId} with ${companionName}. Type to talk; Ctrl+C stops a reply, Ctrl+D leaves.`);
  // Piped input (a script) gets the replies only, no prompts.
  const prompt = () => terminal && rl.prompt();
  rl.on("line", (line) => {
    const text = line.trim();
    if (text) {
      room.send(ClientMessage.Chat, { text });
      unanswered++;
    }
    prompt();
  });
  rl.on("SIGINT", () => {
    if (unanswered === 0) return rl.close();
    room.send(ClientMessage.CompanionStop, { companionId });
    print(`(${companionName} stops)`);
  });
  prompt();
  await new Promise<void>((resolve) => rl.once("close", resolve));
  // A script's input ends right after its last line: its replies are still to come.
  if (!terminal && unanswered > 0) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ChatError(`no reply from ${companionName} within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
      allAnswered = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  room.onLeave.clear();
  await room.leave(true).catch(() => undefined);
}

try {
  const options = readOptions();
  await (options.message ? sayOnce(options) : chatInteractively(options));
  process.exit(0);
} catch (error) {
  if (error instanceof ChatError || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`chat: ${(error as Error).message}`);
    if (!(error instanceof ChatError)) console.error(USAGE);
  } else {
    console.error("chat failed:", error);
  }
  process.exit(1);
}
