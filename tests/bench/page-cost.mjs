/**
 * What a reader's page pays for the extension, measured with the built extension in Chromium:
 * main-thread time (DevTools' Performance metrics: script, style recalculation and layout) added
 * to the page against the same page where the extension does not run, and the time from
 * DOMContentLoaded to the last highlight, with the background warm and right after its service
 * worker was stopped.
 *
 * How to call it (scripts/bench.mjs does):
 *   const rows = await measurePageCost({ context, extensionId, pages, runs });
 * `pages` is a list of { name, url, baselineUrl }: `url` on a listed site, `baselineUrl` the same
 * file on a host the extension does not run on.
 */
import { stopServiceWorkerForBench } from './worker.mjs';

/** Recorded in the page from its first byte: when a highlight element was last added. */
const RECORD_LAST_HIGHLIGHT = `(() => {
  window.__metLastHighlight = 0;
  window.__metFirstHighlight = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'MET-MENTION') { window.__metLastHighlight = performance.now(); window.__metFirstHighlight ||= window.__metLastHighlight; return; }
  }).observe(document, { childList: true, subtree: true });
})();`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function mainThreadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return 1000 * (get('ScriptDuration') + get('RecalcStyleDuration') + get('LayoutDuration'));
}

/**
 * Loads `url` in a fresh page; resolves once `highlights` highlight elements are there (0: none
 * expected) and two frames have passed, or with `untilSettled`, once their number stops growing.
 */
async function load(context, url, highlights, untilSettled = false) {
  const page = await context.newPage();
  await page.bringToFront();
  await page.addInitScript(RECORD_LAST_HIGHLIGHT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  if (highlights > 0) {
    await page.waitForFunction((n) => document.querySelectorAll('met-mention').length >= n, highlights, { polling: 'raf', timeout: 30_000 });
  } else {
    await page.waitForLoadState('load');
  }
  const timing = await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            resolve({ dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, first: window.__metFirstHighlight, last: window.__metLastHighlight, count: document.querySelectorAll('met-mention').length });
          }),
        ),
      ),
  );
  // The first load of a page says how many highlights a full annotation makes: wait until the
  // count has stopped growing (a long page is wrapped over many frames).
  if (untilSettled) {
    let last = -1;
    let steady = 0;
    while (steady < 3) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => document.querySelectorAll('met-mention').length);
      steady = now === last ? steady + 1 : 0;
      last = now;
    }
    timing.count = last;
  }
  const ms = await mainThreadMs(cdp);
  await cdp.detach();
  await page.close();
  if (process.env.BENCH_DEBUG) console.log(url, JSON.stringify(timing));
  return { ms, toLastHighlight: timing.last - timing.dcl, count: timing.count };
}

export async function measurePageCost({ context, extensionId, pages, runs = 5 }) {
  const results = [];
  for (const { name, url, baselineUrl } of pages) {
    // One load first: it warms the background and says how many highlights a full annotation makes.
    const { count } = await load(context, url, 1, true);
    const baseline = [];
    const warm = [];
    const cold = [];
    for (let i = 0; i < runs; i++) {
      baseline.push((await load(context, baselineUrl, 0)).ms);
      warm.push(await load(context, url, count));
      await stopServiceWorkerForBench(context, extensionId);
      cold.push(await load(context, url, count));
    }
    const base = median(baseline);
    results.push({
      name,
      highlights: count,
      baselineMs: base,
      warmAddedMs: median(warm.map((r) => r.ms)) - base,
      warmToLast: median(warm.map((r) => r.toLastHighlight)),
      coldAddedMs: median(cold.map((r) => r.ms)) - base,
      coldToLast: median(cold.map((r) => r.toLastHighlight)),
    });
  }
  return results;
}
