// Finding (or, as root on Debian, installing) Chromium, and launching it with the built
// extension loaded. Shared by `npm start`, `npm test` and the end-to-end tests.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of a Chromium binary: $CHROME_PATH, else Debian's; null when there is none. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Makes sure Chromium is there. As root on a Debian-like machine it installs the `chromium`
 * package; otherwise it stops with a message saying how to get it.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s "chromium" package (apt-get)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium was not found. Install it with `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or point CHROME_PATH at a Chromium or Chrome binary, then run the command again.',
  );
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

/** Launches Chromium with the extension; resolves with the context and the extension's id. */
export async function launchWithExtension({ userDataDir = '', port, headless = true, extraArgs = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: false, // headless is passed as a flag: the new headless mode supports extensions
    args: [...chromiumArgs({ port, headless }), ...extraArgs],
    viewport: { width: 1280, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
