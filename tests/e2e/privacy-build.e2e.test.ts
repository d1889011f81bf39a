/**
 * What the built packages allow themselves: the default content-security policy, the fewest
 * permissions, and no way to run code that did not ship (no eval, no Function constructor, no
 * remote scripts). Reads the builds in .output (made by `npm test` before this runs).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];

/** Permissions this extension must never ask for: they would let it read the reader's browsing. */
const FORBIDDEN_PERMISSIONS = ['<all_urls>', 'tabs', 'webRequest', 'webRequestBlocking', 'history', 'cookies'];
/** Host access granted at install; per-site access is optional, asked for one site at a time. */
const BROAD_HOSTS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

/**
 * The only addresses in the shipped code: XML namespaces Preact compares element namespaces
 * with, documentation links inside library error messages, and the "https://" prefix the card
 * and the KB schema check source links against. None is fetched. A new one fails this test.
 */
const KNOWN_ADDRESSES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'https://developer.mozilla.org/en-US/docs/Web/API/',
  'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to',
  'https://wxt.dev/guide/go-further/testing.html',
  'https://github.com/wxt-dev/wxt/issues/371',
  'https://',
]);

function filesIn(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

const manifest = (dir: string) => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));

beforeAll(() => {
  if (!existsSync('.output/chrome-mv3/manifest.json')) execSync('npx wxt build', { stdio: 'inherit' });
  if (!existsSync('.output/firefox-mv2/manifest.json')) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
});

describe.each(BUILDS)('the build in %s', (dir) => {
  it('keeps the browser’s default content-security policy', () => {
    expect(manifest(dir)).not.toHaveProperty('content_security_policy');
  });

  it('asks for no permission that reads the reader’s browsing, and for no broad access at install', () => {
    const m = manifest(dir);
    const asked = [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    expect(asked.filter((p: string) => FORBIDDEN_PERMISSIONS.includes(p))).toEqual([]);
    const atInstall = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
    expect(atInstall.filter((p: string) => BROAD_HOSTS.includes(p))).toEqual([]);
    // Every permission asked for at install is justified in the README's table; the only hosts are
    // the content script's own (Firefox's MV2 manifest lists them among its permissions).
    const readme = readFileSync('README.md', 'utf8');
    const hosts = atInstall.filter((p: string) => p.includes('://')).sort();
    expect(hosts).toEqual([...m.content_scripts[0].matches].sort());
    for (const p of m.permissions as string[]) if (!p.includes('://')) expect(readme, p).toContain(`| \`${p}\` |`);
    for (const script of m.content_scripts) expect(script.matches).not.toContain('<all_urls>');
    // Nothing is exposed to web pages or other extensions.
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('ships no eval, no Function constructor and no remote code', () => {
    const found: string[] = [];
    for (const file of filesIn(dir, '.js')) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /[^.\w]Function\s*\(\s*['"`]/, /\bimportScripts\s*\(/, /\bset(?:Timeout|Interval)\s*\(\s*['"`]/]) {
        if (pattern.test(code)) found.push(`${file}: ${pattern}`);
      }
      for (const address of code.match(/https?:\/\/[^\s'"`)]*/g) ?? []) {
        if (!KNOWN_ADDRESSES.has(address)) found.push(`${file}: ${address}`);
      }
    }
    for (const file of filesIn(dir, '.html')) {
      const html = readFileSync(file, 'utf8');
      for (const src of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
        if (/^(?:[a-z]+:)?\/\//i.test(src[1]!)) found.push(`${file}: ${src[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
