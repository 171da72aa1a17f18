import { create } from "zustand";
import { walkableOf, type Walkable, type WorldDefinition } from "../../shared/world";

interface WorldStoreState {
  world: WorldDefinition | null;
  walkable: Walkable | null;
  /** The world id whose assets (glTF props) have all loaded and whose scene is mounted. */
  assetsReadyFor: string | null;
  /** Counts showWorld calls: the scene remounts even when the same world is shown again. */
  version: number;
  /** Assets of the current world that failed to load (the rest of the world still shows). */
  assetProblems: string[];
}

export const useWorld = create<WorldStoreState>(() => ({
  world: null,
  walkable: null,
  assetsReadyFor: null,
  version: 0,
  assetProblems: [],
}));

export function showWorld(world: WorldDefinition): void {
  useWorld.setState((s) => ({ world, walkable: walkableOf(world), assetsReadyFor: null, version: s.version + 1, assetProblems: [] }));
}

export function reportAssetProblem(what: string): void {
  useWorld.setState((s) => ({ assetProblems: [...s.assetProblems, what] }));
}

/** Resolves once the scene of `worldId` is mounted with all its assets. */
export function whenAssetsReady(worldId: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (state: WorldStoreState) => state.assetsReadyFor === worldId;
    if (check(useWorld.getState())) return resolve();
    const unsubscribe = useWorld.subscribe((state) => {
      if (!check(state)) return;
      unsubscribe();
      resolve();
    });
  });
}
