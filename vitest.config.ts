import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The playground's tests drive a real browser: `npm run test:browser`.
    exclude: ["test/site/**", "**/node_modules/**"],
    testTimeout: 60_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
