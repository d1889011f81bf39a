import { defineConfig } from 'vitest/config';
import { POLL } from './tests/e2e/wait';

// End-to-end tests: the built extension in real Chromium. One file at a time: each launches a
// browser, and this machine class has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    expect: { poll: POLL },
  },
});
