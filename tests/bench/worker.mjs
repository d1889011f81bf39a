/**
 * Stops the extension's service worker for the bench, as Chromium does to an idle one (the e2e
 * suite's version, tests/e2e/extension-worker.ts, waits with the suite's own poll policy).
 */
const GIVE_UP_MS = 20_000;

export async function stopServiceWorkerForBench(context, extensionId) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const workers = async () =>
    (await cdp.send('Target.getTargets')).targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))
      .map((t) => t.targetId);
  try {
    const stopping = await workers();
    const started = Date.now();
    for (let left = stopping; left.length; left = (await workers()).filter((id) => stopping.includes(id))) {
      if (Date.now() - started > GIVE_UP_MS) throw new Error('The service worker did not stop.');
      for (const targetId of left) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await cdp.detach();
    await page.close();
  }
}
