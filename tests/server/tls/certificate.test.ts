import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { certificateNames, loadOrCreateCertificate, TlsCertificateError } from "../../../server/tls";
import { makeTempDir } from "../support/tempDir";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Found here independently of the code under test. */
const lanIPv4 = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a?.family === "IPv4" && !a.internal)
  .map((a) => a!.address);

describe("certificateNames", () => {
  it("covers localhost, loopback and every LAN IPv4 address when listening everywhere", () => {
    const names = certificateNames("0.0.0.0");
    expect(names.slice(0, 3)).toEqual(["localhost", "127.0.0.1", "::1"]);
    expect(names.slice(3).sort()).toEqual([...new Set(lanIPv4)].sort());
  });

  it("covers the one address it is bound to, and nothing of the LAN otherwise", () => {
    expect(certificateNames("192.168.77.9")).toEqual(["localhost", "127.0.0.1", "::1", "192.168.77.9"]);
    expect(certificateNames("127.0.0.1")).toEqual(["localhost", "127.0.0.1", "::1"]);
  });
});

describe("loadOrCreateCertificate", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dir: string;
  const names = ["localhost", "127.0.0.1", "::1", "192.168.77.9"];
  beforeEach(() => {
    temp = makeTempDir("kindred-tls-");
    dir = path.join(temp.path, "data", "tls");
  });
  afterEach(() => temp.remove());

  const onDisk = () => ({ key: readFileSync(path.join(dir, "key.pem"), "utf8"), cert: readFileSync(path.join(dir, "cert.pem"), "utf8") });

  it("generates a key (mode 0600) and a certificate whose names are localhost, loopback and the LAN addresses", async () => {
    const created = await loadOrCreateCertificate({ dir, names: [...names, ...lanIPv4] });
    expect(created.status).toBe("created");
    expect(statSync(created.keyPath).mode & 0o777).toBe(0o600);
    expect(onDisk()).toEqual({ key: created.key, cert: created.cert });
    const x509 = new X509Certificate(created.cert);
    const sans = x509.subjectAltName!.split(", ");
    expect(sans).toEqual(expect.arrayContaining(["DNS:localhost", "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1", "IP Address:192.168.77.9"]));
    for (const ip of lanIPv4) expect(sans).toContain(`IP Address:${ip}`);
    expect(x509.checkIP("10.9.9.9")).toBeUndefined();
    expect(x509.fingerprint256).toBe(created.fingerprint256);
    expect(created.validTo.getTime() - Date.now()).toBeGreaterThan(300 * DAY_MS);
  });

  it("reuses the stored certificate on the next start, so a headset need not accept it again", async () => {
    const first = await loadOrCreateCertificate({ dir, names });
    const second = await loadOrCreateCertificate({ dir, names });
    expect(second.status).toBe("reused");
    expect(second.fingerprint256).toBe(first.fingerprint256);
    expect(onDisk()).toEqual({ key: first.key, cert: first.cert });
  });

  it("replaces a certificate that does not cover a new network address", async () => {
    const first = await loadOrCreateCertificate({ dir, names });
    const moved = await loadOrCreateCertificate({ dir, names: [...names, "10.0.0.42"] });
    expect(moved).toMatchObject({ status: "replaced", reason: expect.stringMatching(/does not cover 10\.0\.0\.42/) });
    expect(moved.fingerprint256).not.toBe(first.fingerprint256);
    expect(new X509Certificate(onDisk().cert).checkIP("10.0.0.42")).toBe("10.0.0.42");
  });

  it("replaces a certificate within 30 days of its expiry, and keeps one further from it", async () => {
    const first = await loadOrCreateCertificate({ dir, names });
    const later = (days: number) => new Date(Date.now() + days * DAY_MS);
    expect((await loadOrCreateCertificate({ dir, names, now: later(300) })).status).toBe("reused");
    const renewed = await loadOrCreateCertificate({ dir, names, now: later(340) });
    expect(renewed).toMatchObject({ status: "replaced", reason: expect.stringMatching(/expires/) });
    expect(renewed.validTo.getTime()).toBeGreaterThan(first.validTo.getTime());
  });

  it.each([
    ["a corrupt certificate", () => writeFileSync(path.join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n"), /cert\.pem is not a valid certificate/],
    ["a corrupt key", () => writeFileSync(path.join(dir, "key.pem"), "garbage"), /key\.pem is not a valid private key/],
    ["a missing certificate beside its key", () => rmSync(path.join(dir, "cert.pem")), /unreadable \(ENOENT/],
  ])("regenerates over %s, saying why", async (_, damage, reason) => {
    await loadOrCreateCertificate({ dir, names });
    damage();
    const repaired = await loadOrCreateCertificate({ dir, names });
    expect(repaired).toMatchObject({ status: "replaced", reason: expect.stringMatching(reason) });
    const stored = onDisk();
    expect(new X509Certificate(stored.cert).checkHost("localhost")).toBe("localhost");
    expect((await loadOrCreateCertificate({ dir, names })).status).toBe("reused");
  });

  it("regenerates when the key belongs to another certificate", async () => {
    const other = await loadOrCreateCertificate({ dir: path.join(temp.path, "other"), names });
    await loadOrCreateCertificate({ dir, names });
    writeFileSync(path.join(dir, "key.pem"), other.key);
    const repaired = await loadOrCreateCertificate({ dir, names });
    expect(repaired).toMatchObject({ status: "replaced", reason: expect.stringMatching(/key\.pem does not belong to .*cert\.pem/) });
    expect(new X509Certificate(repaired.cert).checkPrivateKey(createPrivateKey(repaired.key))).toBe(true);
  });

  it("fails with a clear error, writing nothing, when the folder cannot be created", async () => {
    mkdirSync(path.join(temp.path, "data"));
    writeFileSync(dir, "a file where the tls folder should be");
    await expect(loadOrCreateCertificate({ dir, names })).rejects.toThrow(TlsCertificateError);
    await expect(loadOrCreateCertificate({ dir, names })).rejects.toThrow(/cannot create .*tls for the HTTPS certificate/);
    expect(readFileSync(dir, "utf8")).toBe("a file where the tls folder should be");
  });
});
