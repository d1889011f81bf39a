import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToRendering } from '../../utils/dom/yield';

/** A document whose frames the test runs by hand. */
function page(visibilityState: 'visible' | 'hidden' = 'visible') {
  const frames: (() => void)[] = [];
  const doc = { visibilityState, defaultView: { requestAnimationFrame: (cb: () => void) => frames.push(cb) } } as unknown as Document;
  return { doc, frames };
}

afterEach(() => vi.useRealTimers());

describe('yielding to rendering between wrap passes', () => {
  it('goes on in a task after the next frame, not before it', async () => {
    vi.useFakeTimers();
    const { doc, frames } = page();
    let resumed = false;
    void yieldToRendering(doc).then(() => (resumed = true));
    await vi.advanceTimersByTimeAsync(20);
    expect(resumed).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(resumed).toBe(true);
  });

  it('goes on anyway when no frame comes (a page that stopped rendering)', async () => {
    vi.useFakeTimers();
    const { doc } = page();
    let resumed = false;
    void yieldToRendering(doc).then(() => (resumed = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resumed).toBe(true);
  });

  it('does not wait for frames in a hidden page, which renders none', async () => {
    const { doc, frames } = page('hidden');
    await yieldToRendering(doc);
    expect(frames).toHaveLength(0);
  });
});
