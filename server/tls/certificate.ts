import { createPrivateKey, X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { generate as generateSelfSigned } from "selfsigned";

export const KEY_FILE_NAME = "key.pem";
export const CERT_FILE_NAME = "cert.pem";
/** How long a new certificate is valid. Browsers cap publicly trusted ones at 398 days; stay under. */
const VALID_DAYS = 365;
/** A certificate this close to its end is replaced at start, so a running server never serves an expired one. */
const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The certificate could not be written; the message names the file and what to do. */
export class TlsCertificateError extends Error {
  override name = "TlsCertificateError";
}

export interface ServerCertificate {
  /** PEM private key (PKCS#8, EC P-256). */
  key: string;
  /** PEM certificate, self-signed. */
  cert: string;
  certPath: string;
  keyPath: string;
  /** SHA-256 fingerprint, as browsers show it (AA:BB:…). */
  fingerprint256: string;
  validTo: Date;
  /** reused: the stored one; created: there was none; replaced: the stored one was unfit (see `reason`). */
  status: "reused" | "created" | "replaced";
  /** Why the stored certificate was replaced. */
  reason: string | undefined;
}

export interface CertificateOptions {
  /** Folder holding key.pem and cert.pem (`<dataDir>/tls`); created when missing. */
  dir: string;
  /** Host names and IP addresses the certificate must cover. */
  names: string[];
  now?: Date;
}

/**
 * The server's self-signed certificate: the stored one when it is readable, matches its key,
 * covers every name and is not about to expire; otherwise a new one, written in its place.
 * Reusing it matters: a headset that accepted it once does not ask again.
 */
export async function loadOrCreateCertificate({ dir, names, now = new Date() }: CertificateOptions): Promise<ServerCertificate> {
  const keyPath = path.join(dir, KEY_FILE_NAME);
  const certPath = path.join(dir, CERT_FILE_NAME);
  const stored = readStored(keyPath, certPath);
  const problem = stored === "missing" ? undefined : "problem" in stored ? stored.problem : whyUnfit(stored.x509, names, now);
  if (stored !== "missing" && "x509" in stored && !problem) return describe(stored.key, stored.cert, "reused", undefined);
  const pems = await generate(names, now);
  writePems(dir, pems);
  return describe(pems.private, pems.cert, stored === "missing" ? "created" : "replaced", problem);

  function describe(key: string, cert: string, status: ServerCertificate["status"], reason: string | undefined): ServerCertificate {
    const x509 = new X509Certificate(cert);
    return { key, cert, keyPath, certPath, fingerprint256: x509.fingerprint256, validTo: new Date(x509.validTo), status, reason };
  }
}

type Stored = "missing" | { key: string; cert: string; x509: X509Certificate } | { problem: string };

function readStored(keyPath: string, certPath: string): Stored {
  let key: string, cert: string;
  try {
    key = readFileSync(keyPath, "utf8");
    cert = readFileSync(certPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !existsSync(keyPath) && !existsSync(certPath)) return "missing";
    return { problem: `it is unreadable (${(error as Error).message})` };
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (error) {
    return { problem: `${certPath} is not a valid certificate (${(error as Error).message})` };
  }
  try {
    if (!x509.checkPrivateKey(createPrivateKey(key))) return { problem: `${keyPath} does not belong to ${certPath}` };
  } catch (error) {
    return { problem: `${keyPath} is not a valid private key (${(error as Error).message})` };
  }
  return { key, cert, x509 };
}

function whyUnfit(x509: X509Certificate, names: string[], now: Date): string | undefined {
  const uncovered = names.filter((name) => (isIP(name) ? !x509.checkIP(name) : !x509.checkHost(name, { subject: "never" })));
  if (uncovered.length > 0) return `it does not cover ${uncovered.join(", ")} (new network address?)`;
  const validTo = new Date(x509.validTo);
  if (validTo.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return `it expires ${validTo.toISOString().slice(0, 10)}`;
  if (new Date(x509.validFrom).getTime() > now.getTime()) return "it is not valid yet (was the clock changed?)";
  return undefined;
}

function generate(names: string[], now: Date) {
  const altNames = names.map((name) => (isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name }));
  return generateSelfSigned([{ name: "commonName", value: "Kindred (self-signed)" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - DAY_MS), // a headset whose clock runs behind still accepts it
    notAfterDate: new Date(now.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames },
    ],
  });
}

/** Each file is written beside its place and renamed over it, so a crash never leaves half a PEM. */
function writePems(dir: string, pems: { private: string; cert: string }): void {
  const write = (file: string, text: string, mode: number) => {
    const partial = `${file}.partial`;
    try {
      writeFileSync(partial, text, { mode });
      chmodSync(partial, mode); // the umask may have widened it
      renameSync(partial, file);
    } catch (error) {
      throw new TlsCertificateError(`cannot write the HTTPS certificate to ${file}: ${(error as Error).message}. Check the data folder's permissions, or set KINDRED_DATA_DIR.`);
    }
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new TlsCertificateError(`cannot create ${dir} for the HTTPS certificate: ${(error as Error).message}`);
  }
  write(path.join(dir, KEY_FILE_NAME), pems.private, 0o600);
  write(path.join(dir, CERT_FILE_NAME), pems.cert, 0o644);
}
