import { defineConfig } from "vitest/config";

/** The playground page in headless Chromium (`npm run site` first): `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ["test/site/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
