import { z } from "zod";
import { describeZodError } from "../../validation";
import { factKey } from "../facts/fact";
import { CompanionExport, EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from "./exportDocument";
import { LedgerError } from "./ledgerError";

/** A broken document can have thousands of problems; the first few say enough. */
const MAX_PROBLEMS_NAMED = 5;

/**
 * The export document in `body`, checked whole before anything is imported: its format, every
 * field, and the references between its rows. Anything wrong is a LedgerError naming the problem.
 */
export function parseCompanionExport(body: unknown): CompanionExport {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid("the document must be a JSON object");
  const { format, formatVersion } = body as { format?: unknown; formatVersion?: unknown };
  if (format !== EXPORT_FORMAT) throw invalid(`not a Kindred companion export: "format" must be "${EXPORT_FORMAT}"`);
  if (formatVersion !== EXPORT_FORMAT_VERSION) {
    throw invalid(`formatVersion ${JSON.stringify(formatVersion)} is not one this server reads (it reads ${EXPORT_FORMAT_VERSION})`);
  }
  const parsed = CompanionExport.safeParse(body);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const more = issues.length > MAX_PROBLEMS_NAMED ? ` (and ${issues.length - MAX_PROBLEMS_NAMED} more problems)` : "";
    throw invalid(describeZodError(new z.ZodError(issues.slice(0, MAX_PROBLEMS_NAMED))) + more);
  }
  checkReferences(parsed.data);
  return parsed.data;
}

/** What the database would refuse half-way through, refused up front instead. */
function checkReferences(document: CompanionExport): void {
  const duplicate = (ids: string[]) => {
    const seen = new Set<string>();
    return ids.find((id) => seen.size === seen.add(id).size);
  };
  const memoryTwice = duplicate(document.memories.map((m) => m.id));
  if (memoryTwice) throw invalid(`memories: the id ${memoryTwice} appears twice`);
  const factIds = document.facts.map((f) => f.id);
  const factTwice = duplicate(factIds);
  if (factTwice) throw invalid(`facts: the id ${factTwice} appears twice`);
  const known = new Set(factIds);
  const currentKeys = new Set<string>();
  document.facts.forEach((fact, i) => {
    if (fact.supersededBy !== null && !known.has(fact.supersededBy)) {
      throw invalid(`facts.${i}.supersededBy: no fact ${fact.supersededBy} in the document`);
    }
    if (fact.supersededBy !== null && fact.supersededAt === null) throw invalid(`facts.${i}: a superseded fact needs supersededAt`);
    if (fact.supersededAt !== null) return;
    const key = factKey(fact);
    if (currentKeys.has(key)) throw invalid(`facts.${i}: two current facts answer "${key}"; only one can be current`);
    currentKeys.add(key);
  });
}

function invalid(problem: string): LedgerError {
  return new LedgerError("invalid", `invalid export document: ${problem}`);
}
