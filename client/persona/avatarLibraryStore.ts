import { create } from "zustand";
import { useIdentity } from "../net";
import { fetchAvatarLibrary, uploadAvatar, type AvatarLibrary } from "./avatarApi";
import { localFileProblem, withUpload } from "./appearance";
import { editPersona, usePersonaPanel } from "./personaStore";

interface AvatarLibraryState {
  library: AvatarLibrary | null;
  /** 0..1 while a file is uploading, null otherwise. */
  progress: number | null;
  /** The last upload's (or list's) problem, in the server's words. */
  problem: string | null;
}

export const useAvatarLibrary = create<AvatarLibraryState>(() => ({ library: null, progress: null, problem: null }));

const token = () => useIdentity.getState().identity?.token ?? null;

/** The presets and the owner's uploads, fetched when the appearance section first shows. */
export async function loadAvatarLibrary(): Promise<void> {
  const auth = token();
  if (!auth) return;
  try {
    useAvatarLibrary.setState({ library: await fetchAvatarLibrary(auth), problem: null });
  } catch (error) {
    useAvatarLibrary.setState({ problem: (error as Error).message });
  }
}

/** Uploads a VRM and, once the server accepted it, puts it on the draft persona (saved with Save). */
export async function uploadAndWear(file: File): Promise<void> {
  const auth = token();
  const { library, progress } = useAvatarLibrary.getState();
  if (!auth || !library || progress !== null) return;
  const problem = localFileProblem(file, library.maxBytes);
  if (problem) return useAvatarLibrary.setState({ problem });
  useAvatarLibrary.setState({ progress: 0, problem: null });
  try {
    const uploaded = await uploadAvatar(auth, file, (fraction) => useAvatarLibrary.setState({ progress: fraction }));
    const current = useAvatarLibrary.getState().library ?? library;
    useAvatarLibrary.setState({ progress: null, library: { ...current, uploads: [...current.uploads, uploaded] } });
    const draft = usePersonaPanel.getState().draft;
    if (draft) editPersona("appearance", withUpload(draft.appearance, uploaded.id));
  } catch (error) {
    useAvatarLibrary.setState({ progress: null, problem: (error as Error).message });
  }
}
