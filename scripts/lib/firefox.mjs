// Launching Debian's Firefox ESR with the built Firefox extension, driven by puppeteer-core over
// WebDriver BiDi. Firefox has no host-resolver flag, so pages under news-site names reach the
// local fixture server through a proxy preference: the fixture server answers absolute-form
// proxy requests ("GET http://www.standard.co.uk/... HTTP/1.1") like any other, so no real
// network is touched and no port 80 or /etc/hosts change is needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBinary, findBinary } from './browser-binary.mjs';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2');

const BINARY = {
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  debianPackage: 'firefox-esr',
};

/** Path of a Firefox binary: $FIREFOX_PATH, else Debian's; null when there is none. */
export function findFirefox() {
  return findBinary(BINARY.envVar, BINARY.candidates);
}

/** Makes sure Firefox is there (as root on Debian, installs the `firefox-esr` package). */
export function ensureFirefox() {
  return ensureBinary(BINARY);
}

/** Preferences that send every http request to the local server and keep Firefox off the network. */
export function firefoxPrefs(port) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}

/**
 * Launches Firefox headless with the extension installed as a temporary add-on. With
 * `extensionUuid`, the add-on's pages are at `moz-extension://<extensionUuid>/` and may be opened
 * from the test (which needs `--remote-allow-system-access`).
 */
export async function launchFirefoxWithExtension({ port, extensionDir = FIREFOX_EXTENSION_DIR, headless = true, extensionUuid } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const gecko = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko?.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless,
    ...(extensionUuid ? { args: ['--remote-allow-system-access'] } : {}),
    extraPrefsFirefox: {
      ...firefoxPrefs(port),
      ...(extensionUuid ? { 'extensions.webextensions.uuids': JSON.stringify({ [gecko]: extensionUuid }) } : {}),
    },
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return { browser, addonId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
