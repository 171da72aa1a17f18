import { ApiError, requestJson } from "../net/api";
import type { ImportReport, LedgerFact, LedgerRelationship, MemoryPage } from "./ledgerTypes";

/** The server's answers are trusted in shape (same project, same release); only errors are read closely. */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const base = (companionId: string) => `/api/companions/${encodeURIComponent(companionId)}`;

export interface LedgerCompanion {
  id: string;
  name: string;
}

export async function fetchCompanion(token: string): Promise<LedgerCompanion> {
  const { id, name } = (await requestJson("/api/companions/mine", { headers: bearer(token) })) as LedgerCompanion;
  return { id, name };
}

export async function fetchMemories(token: string, companionId: string, query: string, before: string | null): Promise<MemoryPage> {
  const params = new URLSearchParams({ limit: "30" });
  if (query.trim()) params.set("q", query.trim());
  if (before) params.set("before", before);
  return (await requestJson(`${base(companionId)}/memories?${params}`, { headers: bearer(token) })) as MemoryPage;
}

export async function fetchFacts(token: string, companionId: string): Promise<LedgerFact[]> {
  return ((await requestJson(`${base(companionId)}/facts`, { headers: bearer(token) })) as { facts: LedgerFact[] }).facts;
}

export async function fetchRelationship(token: string, companionId: string): Promise<LedgerRelationship | null> {
  return ((await requestJson(`${base(companionId)}/relationship`, { headers: bearer(token) })) as { relationship: LedgerRelationship | null }).relationship;
}

export async function deleteMemory(token: string, companionId: string, memoryId: string): Promise<void> {
  await requestJson(`${base(companionId)}/memories/${encodeURIComponent(memoryId)}`, { method: "DELETE", headers: bearer(token) });
}

export async function deleteFact(token: string, companionId: string, factId: string): Promise<void> {
  await requestJson(`${base(companionId)}/facts/${encodeURIComponent(factId)}`, { method: "DELETE", headers: bearer(token) });
}

export async function forgetEverything(token: string, companionId: string): Promise<void> {
  await requestJson(`${base(companionId)}/memories?confirm=everything`, { method: "DELETE", headers: bearer(token) });
}

/** The export document as a file, with the name the server gave it. */
export async function downloadExport(token: string, companionId: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`${base(companionId)}/export`, { headers: bearer(token) }).catch(() => {
    throw new ApiError(0, "The Kindred server cannot be reached. Is it running?");
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `HTTP ${response.status}`);
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "kindred-export.json";
  return { blob: await response.blob(), fileName };
}

/** Sends the file's text as it is: the server checks it and names any problem. */
export async function importExport(token: string, companionId: string, documentText: string): Promise<ImportReport> {
  const init = { method: "POST", headers: { ...bearer(token), "Content-Type": "application/json" }, body: documentText };
  return (await requestJson(`${base(companionId)}/import?mode=merge`, init)) as ImportReport;
}
