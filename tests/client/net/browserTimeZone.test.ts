import { afterEach, describe, expect, it, vi } from "vitest";
import { browserTimeZone } from "../../../client/net/browserTimeZone";
import { JoinOptions } from "../../../shared/protocol";

const zoneBefore = process.env.TZ;
afterEach(() => {
  vi.restoreAllMocks();
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const actual = new Intl.DateTimeFormat().resolvedOptions();
/** The browser reports these zones, one per call. */
const reporting = (...timeZones: string[]) => {
  const spy = vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions");
  for (const timeZone of timeZones) spy.mockReturnValueOnce({ ...actual, timeZone });
};

describe("browserTimeZone", () => {
  it("is the zone this runtime's clock is set to, one the server accepts", () => {
    process.env.TZ = "Pacific/Auckland";
    expect(browserTimeZone()).toBe("Pacific/Auckland");
    process.env.TZ = "America/Los_Angeles";
    const zone = browserTimeZone();
    expect(zone).toBe("America/Los_Angeles");
    expect(JoinOptions.safeParse({ token: "t", world: "plaza", timeZone: zone }).success).toBe(true);
  });

  it("is none when the browser cannot tell, so a join is never refused for it", () => {
    reporting("Etc/Unknown", `Europe/${"x".repeat(60)}`);
    expect(browserTimeZone()).toBeUndefined();
    expect(browserTimeZone()).toBeUndefined();
  });
});
