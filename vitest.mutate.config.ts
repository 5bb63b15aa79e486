import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// For `npm run mutate` (Stryker): the in-process tests only. The e2e tests run the
// built CLI from dist/, which Stryker's mutants never reach, so they could kill no
// mutant and would only make every run slower.
export default mergeConfig(base, defineConfig({
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    reporters: ['default'],
  },
}));
