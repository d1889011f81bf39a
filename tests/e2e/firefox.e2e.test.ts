/**
 * Firefox ESR: the built Firefox package, installed as a temporary add-on, annotates a seed
 * article served under a news site's name, and a hover opens its card.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { serveFixtures } from '../../scripts/lib/server.mjs';
import { PAGE_URLS, WAIT_MS } from './harness';

let browser: Browser;
let server: { port: number; close(): Promise<void> };

beforeAll(async () => {
  if (!existsSync('.output/firefox-mv2/manifest.json')) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
  server = await serveFixtures();
  ({ browser } = await launchFirefoxWithExtension({ port: server.port }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox ESR', () => {
  it('annotates a seed article and opens a card on hover', async () => {
    const page = await browser.newPage();
    await page.goto(PAGE_URLS['seed-2-engage-exit']!);
    await page.waitForSelector('met-mention[data-met-id="lee-freeman"]', { timeout: WAIT_MS });
    const ids = await page.$$eval('met-mention:not([data-met-part])', (els) => els.map((el) => el.getAttribute('data-met-id')));
    expect(ids).toContain('lee-freeman');

    await page.hover('met-mention[data-met-id="lee-freeman"]');
    const handle = await page.waitForFunction(
      () => document.querySelector('met-card')?.shadowRoot?.querySelector('.card h2')?.textContent ?? '',
      { timeout: WAIT_MS },
    );
    expect(await handle.jsonValue()).toContain('Lee Freeman');
    await page.close();
  });
});
