import { reportAvatarDownload } from "./loadingStore";

type Fetch = typeof fetch;

const files = new Map<string, Promise<ArrayBuffer>>();

/**
 * The bytes of a VRM file, fetched once per URL and shared by every avatar that uses it (each
 * parses its own VRM from them: one VRM cannot be in two places of a scene). Progress goes to
 * the avatar loading store. A failed fetch is forgotten, so a later call tries again.
 */
export function fetchVrmFile(url: string, fetchImpl: Fetch = fetch): Promise<ArrayBuffer> {
  let file = files.get(url);
  if (!file) {
    file = download(url, fetchImpl);
    files.set(url, file);
    file.catch(() => files.delete(url));
  }
  return file;
}

async function download(url: string, fetchImpl: Fetch): Promise<ArrayBuffer> {
  reportAvatarDownload(url, { loaded: 0, total: 0, done: false });
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`avatar ${url}: HTTP ${response.status}`);
    const total = Number(response.headers.get("content-length") ?? 0) || 0;
    const buffer = await readWithProgress(url, response, total);
    reportAvatarDownload(url, { loaded: buffer.byteLength, total: total || buffer.byteLength, done: true });
    return buffer;
  } catch (error) {
    reportAvatarDownload(url, { loaded: 0, total: 0, done: true, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function readWithProgress(url: string, response: Response, total: number): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    reportAvatarDownload(url, { loaded, total, done: false });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
