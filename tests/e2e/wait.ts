/**
 * The end-to-end tests' one wait policy. Every wait is for a condition, and every wait gives up
 * after WAIT_MS: long enough for a loaded two-core machine running a browser and the test
 * runner at once, short enough that a real failure is reported within a test's time limit.
 * Playwright's waits get it as the context's default; polls pass POLL; the Vitest config makes
 * it the default of `expect.poll` too, so a poll written without it still waits as long.
 */
export const WAIT_MS = 20_000;

/** How `expect.poll` waits: often, and for WAIT_MS. */
export const POLL = { interval: 250, timeout: WAIT_MS } as const;
