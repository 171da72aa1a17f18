import { create } from "zustand";

export interface AvatarDownload {
  /** Bytes received so far, and the file's size when the server said it (else 0). */
  loaded: number;
  total: number;
  done: boolean;
  error?: string;
}

export interface AvatarLoadingState {
  /** Every avatar file fetched so far, by URL. */
  downloads: Record<string, AvatarDownload>;
  /** All of them together (select these for a progress bar: they are plain numbers). */
  loaded: number;
  total: number;
  pending: number;
}

/** Avatar files being fetched, for a progress display. */
export const useAvatarLoading = create<AvatarLoadingState>(() => ({ downloads: {}, loaded: 0, total: 0, pending: 0 }));

export function reportAvatarDownload(url: string, download: AvatarDownload): void {
  useAvatarLoading.setState((s) => {
    const downloads = { ...s.downloads, [url]: download };
    return { downloads, ...avatarLoadingSummary(downloads) };
  });
}

/** Downloads together: bytes loaded/total and how many are still under way. */
export function avatarLoadingSummary(downloads: Record<string, AvatarDownload>): { loaded: number; total: number; pending: number } {
  let loaded = 0;
  let total = 0;
  let pending = 0;
  for (const d of Object.values(downloads)) {
    loaded += d.loaded;
    total += d.total;
    if (!d.done) pending++;
  }
  return { loaded, total, pending };
}
