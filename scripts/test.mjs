// `npm test`: every unit test, then the builds and Mozilla's linter on the Firefox build, then
// the end-to-end tests in real Chromium and Firefox ESR. Installs what a fresh machine lacks
// first (npm packages; Debian's chromium and firefox-esr when root).
import { execSync } from 'node:child_process';
import { ensureDependencies } from './lib/deps.mjs';

const run = (command) => execSync(command, { stdio: 'inherit' });
const started = Date.now();

ensureDependencies();
const { ensureChromium } = await import('./lib/chromium.mjs');
const { ensureFirefox } = await import('./lib/firefox.mjs');
const chromium = ensureChromium();
const firefox = ensureFirefox();
console.log(`Using Chromium at ${chromium} and Firefox at ${firefox}`);

run('npx tsc --noEmit');
run('npx vitest run');
run('npx wxt build');
run('npx wxt build -b firefox');
// Errors fail the run; the only warnings are Preact's innerHTML path (dangerouslySetInnerHTML,
// which this code never uses) — see README, Reliability.
run('npm run --silent lint:firefox');
run('npx vitest run --config vitest.e2e.config.ts');
console.log(`npm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
