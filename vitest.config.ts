import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // One process per worker, reused by every file it runs: the source is imported once
    // per worker instead of once per test file (which cost 20 s of a run). Tests restore
    // what they mock and change, so sharing is safe. Forks rather than threads: a
    // command run in-process may need its own working folder (process.chdir), which a
    // worker thread cannot have.
    pool: 'forks',
    isolate: false,
    // vitest leaves a core free by default, which on a 2-core machine is half of it.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './test/summary-reporter.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Declaration files hold no code to run. Everything else counts, the CLI included:
      // the e2e tests spawn it in a child process, which v8 coverage does not see, so
      // the CLI earns its figure from in-process tests like the rest.
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary', ['text', { skipFull: true }], 'json-summary'],
      // Always report, so the summary reporter's closing line comes after it (see there).
      reportOnFailure: true,
      thresholds: { statements: 90 },
    },
  },
});
