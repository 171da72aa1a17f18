import { create } from "zustand";
import { useIdentity } from "../net";
import * as api from "./ledgerApi";
import type { LedgerFact, LedgerMemory, LedgerRelationship } from "./ledgerTypes";

export interface LedgerNotice {
  kind: "done" | "problem";
  text: string;
}

interface LedgerState {
  open: boolean;
  loading: boolean;
  companion: api.LedgerCompanion | null;
  query: string;
  memories: LedgerMemory[];
  /** Cursor of the next (older) page; null when every memory is shown. */
  next: string | null;
  facts: LedgerFact[];
  relationship: LedgerRelationship | null;
  notice: LedgerNotice | null;
}

export const useLedger = create<LedgerState>(() => ({
  open: false,
  loading: false,
  companion: null,
  query: "",
  memories: [],
  next: null,
  facts: [],
  relationship: null,
  notice: null,
}));

/** Runs `work` with the signed-in token and the companion; any failure becomes the panel's notice. */
async function withCompanion(work: (token: string, companionId: string) => Promise<void>): Promise<void> {
  const token = useIdentity.getState().identity?.token;
  if (!token) return useLedger.setState({ notice: { kind: "problem", text: "Sign in first." } });
  useLedger.setState({ loading: true, notice: null });
  try {
    const companion = useLedger.getState().companion ?? (await api.fetchCompanion(token));
    useLedger.setState({ companion });
    await work(token, companion.id);
    useLedger.setState({ loading: false });
  } catch (error) {
    useLedger.setState({ loading: false, notice: { kind: "problem", text: error instanceof Error ? error.message : String(error) } });
  }
}

/** Everything afresh: the first page of memories (for the current search), facts, relationship. */
export function reloadLedger(): Promise<void> {
  return withCompanion(async (token, id) => {
    const [page, facts, relationship] = await Promise.all([api.fetchMemories(token, id, useLedger.getState().query, null), api.fetchFacts(token, id), api.fetchRelationship(token, id)]);
    useLedger.setState({ memories: page.memories, next: page.next, facts, relationship });
  });
}

/** Typing pauses this long before a search is sent: one request per word, not per letter. */
const SEARCH_PAUSE_MS = 250;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

export function searchMemories(query: string): void {
  useLedger.setState({ query });
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    void withCompanion(async (token, id) => {
      const page = await api.fetchMemories(token, id, query, null);
      // A slower answer to an older search must not replace a newer one.
      if (useLedger.getState().query === query) useLedger.setState({ memories: page.memories, next: page.next });
    });
  }, SEARCH_PAUSE_MS);
}

export function loadOlderMemories(): Promise<void> {
  const { next, query } = useLedger.getState();
  if (!next) return Promise.resolve();
  return withCompanion(async (token, id) => {
    const page = await api.fetchMemories(token, id, query, next);
    useLedger.setState((s) => ({ memories: [...s.memories, ...page.memories], next: page.next }));
  });
}

export function forgetMemory(memoryId: string): Promise<void> {
  return withCompanion(async (token, id) => {
    await api.deleteMemory(token, id, memoryId);
    useLedger.setState((s) => ({ memories: s.memories.filter((m) => m.id !== memoryId) }));
  });
}

export function forgetFact(factId: string): Promise<void> {
  return withCompanion(async (token, id) => {
    await api.deleteFact(token, id, factId);
    useLedger.setState({ facts: await api.fetchFacts(token, id) });
  });
}

export function forgetEverything(): Promise<void> {
  return withCompanion(async (token, id) => {
    await api.forgetEverything(token, id);
    useLedger.setState({ memories: [], next: null, facts: [], relationship: null, notice: { kind: "done", text: "Forgotten. It remembers nothing about you now." } });
  });
}

export function exportLedger(): Promise<void> {
  return withCompanion(async (token, id) => {
    const { blob, fileName } = await api.downloadExport(token, id);
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    link.click();
    URL.revokeObjectURL(url);
  });
}

export function importLedger(file: File): Promise<void> {
  return withCompanion(async (token, id) => {
    const report = await api.importExport(token, id, await file.text());
    // The import may bring the companion's persona (and name) too.
    useLedger.setState({ companion: null });
    await reloadLedger();
    const { memories, facts } = report;
    useLedger.setState({ notice: { kind: "done", text: `Imported ${memories.added} memories and ${facts.added} facts (${memories.skipped + facts.skipped} already known).` } });
  });
}

export function toggleLedger(): void {
  const open = !useLedger.getState().open;
  useLedger.setState({ open, notice: null });
  if (open) void reloadLedger();
}

export function closeLedger(): void {
  useLedger.setState({ open: false, notice: null });
}
