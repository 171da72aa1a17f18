import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SECRET_FILE_NAME = "secret.key";
const SECRET_BYTES = 32;

/**
 * The key that signs tokens: read from `<dataDir>/secret.key`, or generated there (mode 0600) on
 * first start. Losing it signs everyone out; that is all it protects.
 */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting together cannot overwrite each other.
    writeFileSync(file, randomBytes(SECRET_BYTES).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // The umask may have widened the mode at creation; a secret stays private.
  chmodSync(file, 0o600);
  const secret = Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  if (secret.length < SECRET_BYTES) {
    throw new Error(`${file} holds fewer than ${SECRET_BYTES} bytes of key; delete it to generate a new one (everyone signs in again)`);
  }
  return new Uint8Array(secret);
}
