// Finding (or, as root on Debian, installing) Chromium, and launching it with the built
// extension loaded. Shared by `npm start`, `npm test` and the end-to-end tests.
import path from 'node:path';
import { ensureBinary, findBinary } from './browser-binary.mjs';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

const BINARY = {
  name: 'Chromium',
  envVar: 'CHROME_PATH',
  candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  debianPackage: 'chromium',
};

/** Path of a Chromium binary: $CHROME_PATH, else Debian's; null when there is none. */
export function findChromium() {
  return findBinary(BINARY.envVar, BINARY.candidates);
}

/** Makes sure Chromium is there (as root on Debian, installs the `chromium` package). */
export function ensureChromium() {
  return ensureBinary(BINARY);
}

/**
 * Flags that keep Chromium quiet on a closed network (no background fetches, no sync), map
 * every host name to the local test server, and load the extension.
 */
export function chromiumArgs({ extensionDir = EXTENSION_DIR, port, headless = true } = {}) {
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
  ];
  if (port) args.push(`--host-resolver-rules=MAP * 127.0.0.1:${port}`);
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  if (headless) args.push('--headless=new');
  return args;
}

/**
 * Launches Chromium with the extension; resolves with the context and the extension's id.
 * `waitMs`: how long to wait for the extension's service worker (the tests pass their own).
 */
export async function launchWithExtension({ userDataDir = '', port, headless = true, extraArgs = [], extensionDir = EXTENSION_DIR, waitMs = 30_000 } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: false, // headless is passed as a flag: the new headless mode supports extensions
    args: [...chromiumArgs({ extensionDir, port, headless }), ...extraArgs],
    viewport: { width: 1280, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: waitMs });
  await untilActivated(worker, waitMs);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/**
 * Waits until the extension's service worker has finished installing. Its target appears while
 * it is still installing; a test that stops it then (as the privacy and fault tests stop it, to
 * stand for the browser's idle stop) can leave the extension with no background at all until the
 * browser restarts (seen once in 80 launches on a loaded two-core machine, and once in CI). The
 * browser itself only stops an activated worker that has gone idle.
 */
async function untilActivated(worker, waitMs) {
  const activated = worker.evaluate(
    () =>
      new Promise((resolve) => {
        const sw = self.serviceWorker;
        const done = () => sw.state === 'activated' && resolve(undefined);
        sw.addEventListener('statechange', done);
        done();
      }),
  );
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The extension's service worker was not activated within ${waitMs} ms`)), waitMs);
  });
  try {
    await Promise.race([activated, late]);
  } finally {
    clearTimeout(timer);
  }
}
