/** The owner API's answers, as the server builds them (one definition for both sides). */
export type { ImportReport, LedgerFact, LedgerMemory, LedgerRelationship, MemoryPage } from "../../shared/memory";
