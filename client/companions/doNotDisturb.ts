import { create } from "zustand";

interface DoNotDisturbState {
  /** Other people's companions are muted and their captions (speech bubbles) hidden; your own still talks to you. */
  on: boolean;
  setOn(on: boolean): void;
}

/** Do not disturb, switched from the in-VR panel. */
export const useDoNotDisturb = create<DoNotDisturbState>((set) => ({
  on: false,
  setOn: (on) => set({ on }),
}));
