import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium. One file at a time: each launches a
// browser, and this machine class has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
