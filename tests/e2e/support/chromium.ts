import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.KINDRED_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // WebGL 2 through SwiftShader: the only GPU a headless test machine has.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

/**
 * Launches Chromium (Playwright gives it a fresh temporary profile). A missing Chromium is a failure, never a skip:
 * a browser test that cannot run must not pass.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install chromium) ` +
        "or set KINDRED_CHROMIUM to a Chromium binary; browser tests cannot run without it.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...FLAGS, ...extraArgs] });
}
