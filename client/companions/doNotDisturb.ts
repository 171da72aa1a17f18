import { create } from "zustand";
import { loadDoNotDisturb, saveDoNotDisturb } from "./doNotDisturbStorage";

interface DoNotDisturbState {
  /** Chosen on the in-VR panel; kept in this browser, so the next session (after a reload too) starts with it. */
  wanted: boolean;
  /** A headset session runs (do not disturb belongs to it: the desktop hears everyone). */
  inHeadset: boolean;
  /** In effect now (wanted, in the headset): other people's companions are muted and their speech bubbles hidden; your own still talks to you. */
  on: boolean;
  /** Companion ids do-not-disturb muted (it unmutes just those); kept, so a page closed mid-session is undone on the next load. */
  muted: readonly string[];
  setWanted(wanted: boolean): void;
  setInHeadset(inHeadset: boolean): void;
  setMuted(muted: readonly string[]): void;
}

const stored = loadDoNotDisturb();

/** Do not disturb, switched from the in-VR panel. */
export const useDoNotDisturb = create<DoNotDisturbState>((set, get) => ({
  wanted: stored.wanted,
  inHeadset: false,
  on: false,
  muted: stored.muted,
  setWanted(wanted) {
    if (typeof wanted !== "boolean") throw new Error(`do not disturb must be true or false, got ${JSON.stringify(wanted)}`);
    set({ wanted, on: wanted && get().inHeadset });
    saveDoNotDisturb({ wanted, muted: [...get().muted] });
  },
  setInHeadset(inHeadset) {
    set({ inHeadset, on: get().wanted && inHeadset });
  },
  setMuted(muted) {
    set({ muted });
    saveDoNotDisturb({ wanted: get().wanted, muted: [...muted] });
  },
}));
