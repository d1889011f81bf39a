/**
 * Reaching into the extension's service worker for test set-up and checks: its IndexedDB, and
 * stopping it the way Chromium does when it is idle (through the DevTools protocol).
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

type Store = 'entities' | 'meta' | 'notes' | 'userEntities';

/** One IndexedDB operation on the extension's database, run inside its service worker. */
export function dbOp(
  worker: Worker,
  store: Store,
  op: 'get' | 'put' | 'getAll',
  arg?: unknown,
): Promise<unknown> {
  return worker.evaluate(
    async ([storeName, operation, value]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('met-context');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction(storeName as string, operation === 'put' ? 'readwrite' : 'readonly');
          const objects = tx.objectStore(storeName as string);
          const req =
            operation === 'put' ? objects.put(value) : operation === 'get' ? objects.get(value as IDBValidKey) : objects.getAll();
          let result: unknown;
          req.onsuccess = () => (result = req.result);
          tx.oncomplete = () => resolve(result);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    [store, op, arg] as const,
  );
}

/** The extension's service worker targets, as the DevTools protocol lists them. */
async function workerTargets(cdp: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  return targetInfos
    .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))
    .map((t) => t.targetId);
}

/**
 * Stops the extension's service worker, as Chromium does to an idle one, and waits until that
 * worker's target is gone. A worker still starting up can outlive the first request, so it is
 * asked again every two seconds. (Chromium may start a new one at once; that is fine.)
 */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const stopped = await workerTargets(cdp, extensionId);
    for (let attempt = 0; ; attempt++) {
      const running = (await workerTargets(cdp, extensionId)).filter((id) => stopped.includes(id));
      if (running.length === 0) return;
      if (attempt >= 100) throw new Error('The service worker did not stop.');
      if (attempt % 20 === 0) {
        for (const targetId of running) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      }
      await page.waitForTimeout(100);
    }
  } finally {
    await cdp.detach();
  }
}

/** The running service worker (started again if it was stopped), once Playwright sees it. */
export async function currentWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return running ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
}
