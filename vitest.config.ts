import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    // On CI (two cores, Chromium and PostgreSQL beside two test files) a test that fails is run once
    // more before the run fails; a test that fails twice fails the run, and the log marks a retry.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 120_000,
    // Two cores here: two test files at a time keeps PostgreSQL and Chromium from starving each other.
    maxWorkers: 2,
  },
});
