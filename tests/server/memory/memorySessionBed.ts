import { afterAll, beforeAll, beforeEach } from "vitest";
import { estimateTokens } from "../../../server/companion";
import { createOpenAIProvider, type LanguageModel } from "../../../server/llm";
import { createLogger } from "../../../server/logging";
import { createCompanionMemory, type CompanionMemory, type CompanionMemoryOptions, type MemorySessionOptions } from "../../../server/memory";
import type { Database } from "../../../server/storage";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

export interface MemorySessionBed {
  readonly db: Database;
  /** Reset before every test. */
  readonly llm: ScriptedLlmServer;
  /** The scripted server as a language model. */
  model(): LanguageModel;
  /** The memory of a server on the file's database: no model, a summary every 50 lines, unless told otherwise. */
  memory(overrides?: Partial<CompanionMemoryOptions>): CompanionMemory;
  /** A new owner with their companion, as a room opens their session. */
  sessionOptions(name?: string): Promise<MemorySessionOptions>;
}

/**
 * What the memory session test files share: one migrated database and one scripted model server
 * per file (opened before its tests, closed after), memories over them, owners to open sessions for.
 */
export function memorySessionBed(): MemorySessionBed {
  let db: Database | undefined;
  let llm: ScriptedLlmServer | undefined;
  beforeAll(async () => {
    db = await openMemoryDatabase();
    llm = await startScriptedLlmServer();
  });
  beforeEach(() => llm?.reset());
  afterAll(async () => {
    await db?.close();
    await llm?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the memory session bed is used before its beforeAll ran");
    return value;
  };
  const log = createLogger("silent");
  return {
    get db() {
      return opened(db);
    },
    get llm() {
      return opened(llm);
    },
    model: () => createOpenAIProvider({ baseURL: opened(llm).baseURL, model: opened(llm).model }),
    memory: (overrides = {}) =>
      createCompanionMemory({ db: opened(db), log, model: undefined, useModel: true, reflectEveryLines: 50, recallBudgetTokens: 600, estimateTokens, ...overrides }),
    async sessionOptions(name = "Alice") {
      const scope = await addOwner(opened(db), name);
      return { ...scope, ownerName: name, companionName: () => "Kin", world: "plaza", worldName: "the Plaza", place: () => "Fountain" };
    },
  };
}

/** The owner saying a line, as a room tells memory. */
export const owner = (id: string, name = "Alice") => ({ name, isOwner: true, id });
