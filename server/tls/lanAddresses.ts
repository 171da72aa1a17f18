import { networkInterfaces } from "node:os";

/** This machine's IPv4 addresses on its networks (not loopback): what a headset on the LAN can reach. */
export function lanIPv4Addresses(): string[] {
  const found: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal && !found.includes(a.address)) found.push(a.address);
  }
  return found;
}

/**
 * The names a certificate for a server listening on `host` must cover: localhost, the loopback
 * addresses, and every LAN IPv4 address when it listens everywhere (or the one address it binds).
 */
export function certificateNames(host: string): string[] {
  const names = ["localhost", "127.0.0.1", "::1"];
  const everywhere = host === "0.0.0.0" || host === "::";
  for (const name of everywhere ? lanIPv4Addresses() : [host]) if (!names.includes(name)) names.push(name);
  return names;
}
