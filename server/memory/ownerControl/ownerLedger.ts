import type { Forgotten, ImportMode, ImportReport, LedgerFact, LedgerMemory, LedgerRelationship, MemoryPage } from "../../../shared/memory";
import type { Database } from "../../storage";
import type { MemoryEmbeddings } from "../embeddings";
import type { Forgetting } from "../forgetting";
import type { ExportedMemories } from "./exportDocument";
import { exportMemories } from "./exportMemories";
import { deleteFact, editFact, listFacts, type FactEdit } from "./factLedger";
import { forgetEverything } from "./forgetEverything";
import { importMemories } from "./importMemories";
import { deleteMemory, editMemory, listMemories, type MemoryEdit, type MemoryListOptions } from "./memoryLedger";
import type { OwnerScope } from "./ownerScope";
import { relationshipView } from "./relationshipView";

/**
 * What an owner can see and change of their companion's memory of them. Every call is limited to
 * one owner's scope; checking that the caller owns the companion is the caller's job (HTTP).
 */
export interface OwnerLedger {
  listMemories(scope: OwnerScope, options: MemoryListOptions): Promise<MemoryPage>;
  editMemory(scope: OwnerScope, memoryId: string, edit: MemoryEdit): Promise<LedgerMemory>;
  deleteMemory(scope: OwnerScope, memoryId: string): Promise<void>;
  listFacts(scope: OwnerScope): Promise<LedgerFact[]>;
  editFact(scope: OwnerScope, factId: string, edit: FactEdit): Promise<LedgerFact>;
  deleteFact(scope: OwnerScope, factId: string): Promise<{ deleted: number }>;
  relationship(scope: OwnerScope): Promise<LedgerRelationship | null>;
  forgetEverything(scope: OwnerScope): Promise<Forgotten>;
  exportMemories(scope: OwnerScope): Promise<ExportedMemories>;
  /** `document` as parseCompanionExport returned it. */
  importMemories(scope: OwnerScope, document: ExportedMemories & { ownerId: string }, mode: ImportMode): Promise<ImportReport>;
}

export interface OwnerLedgerOptions {
  db: Database;
  /** Told when memories arrive by import, so they are embedded in the background. */
  embeddings?: Pick<MemoryEmbeddings, "notify"> | undefined;
  /** The companions' live memory (CompanionMemory.forgetting): what is forgotten here is forgotten there too. */
  forgetting?: Forgetting | undefined;
  clock?: () => Date;
}

/** With no live memory to tell, a change is just the change. */
const FORGETTING_ALONE: Forgetting = {
  everything: (_scope, change) => change(),
  memories: async (_scope, change) => {
    await change();
  },
  relationship: (_scope, change) => change(),
};

export function createOwnerLedger({ db, embeddings, forgetting = FORGETTING_ALONE, clock = () => new Date() }: OwnerLedgerOptions): OwnerLedger {
  return {
    listMemories: (scope, options) => listMemories(db, scope, options),
    editMemory: (scope, memoryId, edit) => editMemory(db, scope, memoryId, edit),
    deleteMemory: (scope, memoryId) => forgetting.memories(scope, async () => [await deleteMemory(db, scope, memoryId)]),
    listFacts: (scope) => listFacts(db, scope),
    editFact: (scope, factId, edit) => editFact(db, scope, factId, edit),
    deleteFact: (scope, factId) => deleteFact(db, scope, factId),
    relationship: (scope) => relationshipView(db, scope, clock()),
    forgetEverything: (scope) => forgetting.everything(scope, () => forgetEverything(db, scope)),
    exportMemories: (scope) => exportMemories(db, scope),
    async importMemories(scope, document, mode) {
      const importing = () => importMemories(db, scope, document, mode);
      // Replacing forgets everything first; merging may combine the relationship with the live one's.
      const report = await (mode === "replace" ? forgetting.everything(scope, importing) : forgetting.relationship(scope, importing));
      if (report.memories.added > 0) void embeddings?.notify();
      return report;
    },
  };
}
