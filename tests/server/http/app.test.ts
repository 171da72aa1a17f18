import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTokens } from "../../../server/auth";
import { createHttpApp } from "../../../server/http";
import { httpAppHarness } from "./httpAppHarness";

const h = httpAppHarness({
  counts: { rooms: 3, clients: 7 },
  prepare({ worldsDir, clientDir }) {
    mkdirSync(path.join(worldsDir, "assets"), { recursive: true });
    mkdirSync(path.join(clientDir, "assets"), { recursive: true });
    writeFileSync(path.join(worldsDir, "assets", "tree.glb"), "glb");
    writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>Kindred</title>");
    writeFileSync(path.join(clientDir, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(path.join(clientDir, "favicon.svg"), "<svg/>");
  },
});

const guest = (body: unknown, headers: Record<string, string> = {}) =>
  h.app.request("/api/auth/guest", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("GET /healthz", () => {
  it("answers 200 ok with the room counts", async () => {
    const res = await h.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, uptimeSeconds: expect.any(Number), rooms: 3, clients: 7 });
  });
});

describe("POST /api/auth/guest", () => {
  it("signs in a new guest with a cleaned-up name", async () => {
    const res = await guest({ name: "  Ann   Lee " });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ token: expect.any(String), userId: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Ann Lee" });
  });

  it("keeps the same user, renamed, when called with their token", async () => {
    const first = (await (await guest({ name: "Bo" })).json()) as { token: string; userId: string };
    const res = await guest({ name: "Bob" }, { authorization: `Bearer ${first.token}` });
    expect(res.status).toBe(200);
    const again = (await res.json()) as { token: string; userId: string; name: string };
    expect(again.userId).toBe(first.userId);
    expect(again.name).toBe("Bob");
    const me = await h.app.request("/api/auth/me", { headers: { authorization: `Bearer ${again.token}` } });
    expect(await me.json()).toEqual({ userId: first.userId, name: "Bob" });
  });

  it("refuses an invalid previous token with 401 instead of making someone else", async () => {
    const res = await guest({ name: "Cy" }, { authorization: "Bearer not.a.token" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "token is malformed: sign in again" });
    const basic = await guest({ name: "Cy" }, { authorization: "Basic abc" });
    expect(basic.status).toBe(401);
    expect(await basic.json()).toEqual({ error: 'the Authorization header must be "Bearer <token>"' });
  });

  it.each([
    ["not JSON", "{name:", "request body is not valid JSON"],
    ["an empty body", "", "request body is empty: send JSON"],
    ["no name", {}, "name: Invalid input: expected string, received undefined"],
    ["a blank name", { name: "   " }, "name: name is empty"],
    ["a long name", { name: "x".repeat(25) }, "name: name is longer than 24 characters"],
    ["markup in the name", { name: "<script>" }, "name: name has control characters or angle brackets"],
    ["an unknown field", { name: "Di", admin: true }, 'Unrecognized key: "admin"'],
    ["an array", [1, 2], "Invalid input: expected object, received array"],
  ])("answers 400 with a specific message for %s", async (_what, body, message) => {
    const res = await guest(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message });
  });

  it("refuses oversized bodies", async () => {
    const res = await guest({ name: "Ed", padding: "x".repeat(20_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/larger than 16384 bytes/) });
  });
});

describe("GET /api/auth/me", () => {
  it("answers 401 without a token", async () => {
    const res = await h.app.request("/api/auth/me");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/not signed in/) });
  });

  it("answers 401 for a valid token of a user that does not exist", async () => {
    const token = await createTokens(h.secret).sign({ userId: "00000000-0000-4000-8000-000000000000" });
    const res = await h.app.request("/api/auth/me", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "token belongs to an unknown user: sign in again" });
  });
});

describe("/api/worlds", () => {
  it("lists the worlds", async () => {
    const res = await h.app.request("/api/worlds");
    expect(await res.json()).toEqual([
      { id: "alpha", name: "World alpha", description: "test world alpha" },
      { id: "beta", name: "World beta", description: "test world beta" },
    ]);
  });

  it("gives one world with defaults filled in", async () => {
    const res = await h.app.request("/api/worlds/beta");
    expect(res.status).toBe(200);
    const world = (await res.json()) as { id: string; props: unknown[]; portals: Array<{ color: string }> };
    expect(world.id).toBe("beta");
    expect(world.props).toEqual([]);
    expect(world.portals[0]!.color).toBe("#7fd4ff");
  });

  it("answers 404 for an unknown world or API path", async () => {
    const res = await h.app.request("/api/worlds/gamma");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no world "gamma"' });
    const other = await h.app.request("/api/nothing-here", { method: "POST" });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: "no API route POST /api/nothing-here" });
  });
});

describe("GET /metrics", () => {
  it("exposes Prometheus metrics with room and client gauges", async () => {
    const res = await h.app.request("/metrics");
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^kindred_rooms 3$/m);
    expect(text).toMatch(/^kindred_clients 7$/m);
    expect(text).toMatch(/^kindred_process_cpu_user_seconds_total /m);
  });
});

describe("static files", () => {
  it("serves index.html uncached at / and for app routes", async () => {
    for (const p of ["/", "/world/plaza"]) {
      const res = await h.app.request(p);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("<title>Kindred</title>");
    }
  });

  it("caches hashed assets for good and other files briefly", async () => {
    const hashed = await h.app.request("/assets/index-abc123.js");
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const plain = await h.app.request("/favicon.svg");
    expect(plain.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404 for missing files instead of the app page", async () => {
    const res = await h.app.request("/assets/gone-123.js");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found: /assets/gone-123.js" });
  });

  it("serves world assets, and nothing outside their folder", async () => {
    const tree = await h.app.request("/worlds/assets/tree.glb");
    expect(tree.status).toBe(200);
    expect(await tree.text()).toBe("glb");
    expect(tree.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await h.app.request("/worlds/assets/rock.glb")).status).toBe(404);
    expect((await h.app.request("/worlds/assets/%2e%2e/alpha.json")).status).toBe(404);
  });

  it("says how to build the client when it is missing", async () => {
    const bare = createHttpApp({ ...h.deps, clientDir: path.join(h.deps.clientDir, "nowhere") });
    const res = await bare.request("/");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/web client is not built.*npm run build/) });
    expect((await bare.request("/healthz")).status).toBe(200);
  });
});
