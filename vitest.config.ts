import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One FerretDB for the whole run; each test file uses a database of its own.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Files share a worker, so the SDKs and drivers (botbuilder, bolt, mongoose…) are loaded once, not per file;
    // fresh-modules.ts gives each file our own modules anew, as an isolated worker would.
    isolate: false,
    setupFiles: ['test/support/fresh-modules.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
