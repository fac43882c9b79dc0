import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // A suite's beforeAll may build a demo team: seconds on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
