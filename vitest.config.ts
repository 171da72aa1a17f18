import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: browser tests and servers compete for them.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
          exclude: ["tests/e2e/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Builds the web client once (when stale) before any browser test starts.
          globalSetup: ["tests/e2e/support/buildClient.ts"],
          // One browser at a time: SwiftShader renders on the CPU.
          fileParallelism: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
