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

/** Longest wait for a frame before going on anyway (a page that stopped rendering). */
const FRAME_WAIT_MS = 100;

/**
 * Lets the browser render what was just written before more is written: resolves in a task
 * after the next frame. Between wrap passes this keeps each frame's style and layout to what
 * one pass added; yielding with yieldToPage alone, Chromium put off rendering for several passes
 * and then laid out all of them in one task of 150-220 ms on a 1 MB page. A hidden page renders
 * nothing, so it goes on at once.
 */
export function yieldToRendering(doc: Document): Promise<void> {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden') return yieldToPage();
  return new Promise((resolve) => {
    let waiting = true;
    const go = () => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(go, FRAME_WAIT_MS);
    view.requestAnimationFrame(() => setTimeout(go, 0));
  });
}
