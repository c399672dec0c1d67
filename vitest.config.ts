import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default for `vitest run` is one worker fewer than the cores: one on CI's two cores,
    // where the files then ran one after the other while a core waited for PostgreSQL, chromium,
    // a server's start or the next second-factor step. Two files at a time there (docs/benchmarks.md, "The test suite in CI").
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
