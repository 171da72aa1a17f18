import { z } from "zod";
import { ApiError, requestJson } from "../net/api";
import { authorised } from "./authorised";

const AvatarChoice = z.object({ id: z.string(), ref: z.string(), url: z.string(), name: z.string() });
export type AvatarChoice = z.infer<typeof AvatarChoice>;

const UploadedAvatar = AvatarChoice.extend({ fileName: z.string(), bytes: z.number(), vrmVersion: z.string(), createdAt: z.string() });
export type UploadedAvatar = z.infer<typeof UploadedAvatar>;

/** What `GET /api/avatars` answers: the caller's uploads, the shipped presets, the upload cap. */
const AvatarLibrary = z.object({ uploads: z.array(UploadedAvatar), presets: z.array(AvatarChoice), maxBytes: z.number() });
export type AvatarLibrary = z.infer<typeof AvatarLibrary>;

export async function fetchAvatarLibrary(token: string): Promise<AvatarLibrary> {
  const parsed = AvatarLibrary.safeParse(await requestJson("/api/avatars", authorised(token)));
  if (!parsed.success) throw new ApiError(500, "The server's avatar list is malformed");
  return parsed.data;
}

/** The server's own words for a failed request (`{ "error": … }`), else its status. */
export function uploadErrorMessage(status: number, body: string): string {
  if (status === 0) return "The Kindred server cannot be reached. Is it running?";
  try {
    const error = (JSON.parse(body) as { error?: unknown } | null)?.error;
    if (typeof error === "string") return error;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return `Upload failed (HTTP ${status})`;
}

/**
 * Uploads a VRM file as the raw request body. XMLHttpRequest rather than fetch: only it reports
 * upload progress, and a 30 MB model takes a while on a slow link.
 */
export function uploadAvatar(token: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedAvatar> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/avatars?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.setRequestHeader("Content-Type", "model/gltf-binary");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, uploadErrorMessage(0, "")));
    request.onload = () => {
      if (request.status !== 201) return reject(new ApiError(request.status, uploadErrorMessage(request.status, request.responseText)));
      const parsed = UploadedAvatar.safeParse(JSON.parse(request.responseText));
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(500, "The server's upload answer is malformed"));
    };
    request.send(file);
  });
}
