/**
 * Reaching into the extension's service worker for test set-up and checks: its IndexedDB, and
 * stopping it the way Chromium does when it is idle (through the DevTools protocol).
 */
import { expect } from 'vitest';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { POLL } from './wait';

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
    let polls = 0;
    await expect
      .poll(async () => {
        const running = (await workerTargets(cdp, extensionId)).filter((id) => stopped.includes(id));
        if (running.length > 0 && polls++ % ASK_AGAIN_EVERY_POLLS === 0) {
          for (const targetId of running) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
        }
        return running.length;
      }, POLL)
      .toBe(0);
  } finally {
    await cdp.detach();
  }
}

/** How often a stop is asked for again while the worker is still there: every 2 s at POLL's interval. */
const ASK_AGAIN_EVERY_POLLS = 2000 / POLL.interval;

/** Whether the extension's service worker is running now. */
async function workerIsRunning(context: BrowserContext, extensionId: string): Promise<boolean> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    return (await workerTargets(cdp, extensionId)).length > 0;
  } finally {
    await cdp.detach();
  }
}

/**
 * The extension's service worker, running. A stopped worker keeps its Playwright object, and
 * evaluating on it waits, with no error and no end, until Chromium starts the worker again
 * (seen with Chromium 156: no `close` event, the same target id on restart). So a stopped worker
 * is woken first, as a reader's click would: the options page asks the background for the KB.
 */
export async function currentWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  if (!(await workerIsRunning(context, extensionId))) {
    const options = await context.newPage();
    try {
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.waitForSelector('[data-testid="kb-version"]');
    } finally {
      await options.close();
    }
  }
  const known = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return known ?? context.waitForEvent('serviceworker');
}
