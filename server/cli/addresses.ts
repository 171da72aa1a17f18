import { networkInterfaces } from "node:os";

/** The URLs to open Kindred from this machine and from others on the local network. */
export function serverAddresses(host: string, port: number): { local: string; lan: string[] } {
  const everywhere = host === "0.0.0.0" || host === "::";
  const local = `http://${everywhere ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!everywhere) return { local, lan: [] };
  const lan: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) lan.push(`http://${a.address}:${port}`);
  }
  return { local, lan };
}
