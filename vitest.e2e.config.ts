import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in a real (headless) Chromium against saved company pages served
// locally. Kept apart from the unit tests (vitest.config.ts excludes tests/e2e/**). Run: npm run test:e2e.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // Each file launches its own browser with its own profile, so files may run side by side.
    pool: 'forks',
    maxWorkers: 4,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
