import { create } from "zustand";
import type { LoadingStep } from "../ui";

interface SessionState {
  /** name: choosing a display name; loading: first entry; world: walking around. */
  phase: "name" | "loading" | "world";
  /** A portal transfer is under way (the screen fades, controls pause). */
  travelling: boolean;
  /** Name of the world being loaded, for the loading and travel screens. */
  destination: string | null;
  /** The step in progress; the ones before it are done. */
  step: LoadingStep;
  /** What went wrong, shown with a retry button. */
  error: string | null;
  /** Re-runs whatever failed. */
  retry: (() => void) | null;
}

export const useSession = create<SessionState>(() => ({
  phase: "name",
  travelling: false,
  destination: null,
  step: "auth",
  error: null,
  retry: null,
}));
