import { lanIPv4Addresses } from "../tls";

/** The URLs to open Kindred from this machine and from others on the local network. */
export function serverAddresses(host: string, port: number, scheme: "http" | "https" = "http"): { local: string; lan: string[] } {
  const everywhere = host === "0.0.0.0" || host === "::";
  const local = `${scheme}://${everywhere ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!everywhere) return { local, lan: [] };
  return { local, lan: lanIPv4Addresses().map((address) => `${scheme}://${address}:${port}`) };
}
