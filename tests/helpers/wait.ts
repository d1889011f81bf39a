/**
 * How unit tests wait for a state that arrives asynchronously (a card drawn after its entry is
 * fetched, a storage change delivered). Vitest's defaults give up after 1 s, which a loaded
 * two-core machine running a browser beside the tests can exceed on a cold first run.
 */
export const UNIT_WAIT = { timeout: 10_000, interval: 20 } as const;
