import QRCode from "qrcode";
import type { ServerCertificate } from "../tls";

const LOOPBACK = /^(localhost|127\.|\[?::1\]?$)/;

/**
 * What to do on a headset, printed under the addresses when serving HTTPS: the URL to open, a QR
 * code of it (half-block characters, about 29×15 for a LAN URL, scannable from passthrough), and
 * what the certificate warning means.
 */
export async function headsetNotice(host: string, urls: { local: string; lan: string[] }, certificate: ServerCertificate): Promise<string> {
  const headsetUrl = urls.lan[0] ?? (LOOPBACK.test(host) ? undefined : urls.local);
  const lines: string[] = [];
  if (headsetUrl) {
    const qr = await QRCode.toString(headsetUrl, { type: "terminal", small: true });
    lines.push(`On the headset, open ${headsetUrl} (or scan this code):`, qr.trimEnd());
    lines.push(`The certificate is self-signed: the browser warns once; choose Advanced, then "Proceed to ${new URL(headsetUrl).hostname} (unsafe)".`);
  } else if (LOOPBACK.test(host)) {
    lines.push(`HOST is ${host}: only this machine can connect. Set HOST=0.0.0.0 to let a headset on your network in.`);
  } else {
    lines.push("No network address found: connect this machine to the headset's network (Wi-Fi or Ethernet) and restart.");
  }
  lines.push(`  certificate: ${certificate.certPath} (SHA-256 ${certificate.fingerprint256})`);
  return lines.join("\n");
}
