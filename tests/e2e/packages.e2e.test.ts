/**
 * `npm run zip` makes the store packages: Chrome's and Firefox's zips with everything the
 * extension needs at their root and nothing else, and the sources zip AMO asks for.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip, type ZipContents } from '../helpers/zip';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
let chrome: ZipContents;
let firefox: ZipContents;
let sources: ZipContents;

beforeAll(() => {
  execSync('npm run zip', { stdio: 'ignore' });
  chrome = readZip(`.output/${name}-${version}-chrome.zip`);
  firefox = readZip(`.output/${name}-${version}-firefox.zip`);
  sources = readZip(`.output/${name}-${version}-sources.zip`);
}, 120_000);

const kbFiles = (zip: ZipContents) => (JSON.parse(zip.read('kb/index.json')) as { files: string[] }).files.map((f) => `kb/${f}`);

describe.each([
  ['Chrome', () => chrome, 3],
  ['Firefox', () => firefox, 2],
] as const)('the %s package', (_, zip, manifestVersion) => {
  it('holds the manifest, background, content script, popup and the whole KB at its root', () => {
    const names = zip().names;
    for (const file of ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'kb/index.json', ...kbFiles(zip())]) {
      expect(names, file).toContain(file);
    }
    const manifest = JSON.parse(zip().read('manifest.json'));
    expect(manifest.manifest_version).toBe(manifestVersion);
    expect(manifest.version).toBe(version);
    // The stores show the 128-pixel icon; the toolbar uses the small ones.
    for (const size of ['16', '32', '48', '128']) expect(names).toContain(manifest.icons[size]);
  });

  it('holds nothing else: no source maps, sources, tests or paths outside the package', () => {
    const odd = zip().names.filter(
      (n) => n.startsWith('/') || n.includes('..') || /\.(map|ts|tsx|mjs)$/.test(n) || /^(tests|node_modules|src|utils)\//.test(n),
    );
    expect(odd).toEqual([]);
    // Every file the popup page loads is in the package.
    for (const ref of zip().read('popup.html').matchAll(/(?:src|href)="\/([^"]+)"/g)) expect(zip().names).toContain(ref[1]);
  });
});

describe('the sources package (for Firefox Add-ons review)', () => {
  it('holds what is needed to rebuild, and no build output or dependencies', () => {
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background.ts', 'public/kb/index.json', 'README.md']) {
      expect(sources.names, file).toContain(file);
    }
    expect(sources.names.filter((n) => /^(node_modules|\.output|\.wxt|\.git)\//.test(n))).toEqual([]);
  });

  it('the Firefox package carries its add-on id', () => {
    expect(JSON.parse(firefox.read('manifest.json')).browser_specific_settings.gecko.id).toBe('met-context@example.org');
  });
});
