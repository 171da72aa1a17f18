import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AuthError, createTokens } from "../../../server/auth";

const secret = new Uint8Array(randomBytes(32));
const tokens = createTokens(secret);
const userId = "0b7f3c1e-7a52-4f4e-9a0e-8f1d2c3b4a59";

/** Flips one character of the token's part `index` (0 header, 1 payload, 2 signature). */
function tamper(token: string, index: number): string {
  const parts = token.split(".");
  const part = parts[index]!;
  const at = Math.floor(part.length / 2);
  parts[index] = part.slice(0, at) + (part[at] === "A" ? "B" : "A") + part.slice(at + 1);
  return parts.join(".");
}

describe("tokens", () => {
  it("verifies what they signed", async () => {
    const token = await tokens.sign({ userId });
    await expect(tokens.verify(token)).resolves.toEqual({ userId });
  });

  it("refuses a tampered payload or signature", async () => {
    const token = await tokens.sign({ userId });
    await expect(tokens.verify(tamper(token, 1))).rejects.toThrow(AuthError);
    await expect(tokens.verify(tamper(token, 2))).rejects.toThrow(/signature is invalid|malformed/);
  });

  it("refuses a token signed with another secret", async () => {
    const other = createTokens(new Uint8Array(randomBytes(32)));
    await expect(tokens.verify(await other.sign({ userId }))).rejects.toThrow("token signature is invalid: sign in again");
  });

  it("refuses an expired token", async () => {
    const expired = await tokens.sign({ userId }, -60);
    await expect(tokens.verify(expired)).rejects.toThrow("token has expired: sign in again");
  });

  it("refuses garbage and an unsigned token", async () => {
    await expect(tokens.verify("not-a-token")).rejects.toThrow("token is malformed: sign in again");
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: userId, iss: "kindred" })).toString("base64url");
    await expect(tokens.verify(`${header}.${payload}.`)).rejects.toThrow(AuthError);
  });
});
