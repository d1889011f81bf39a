/**
 * Gives the page's own work (input, rendering) a turn before continuing. `scheduler.yield`
 * keeps the continuation ahead of other queued tasks where the browser has it; a message
 * channel is the fallback because setTimeout is clamped to 4 ms after a few nested calls.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** A pause that yields only once `budgetMs` of work has run since the last yield. */
export function pauseEvery(budgetMs: number): () => Promise<void> {
  let deadline = performance.now() + budgetMs;
  return async () => {
    if (performance.now() < deadline) return;
    await yieldToPage();
    deadline = performance.now() + budgetMs;
  };
}
