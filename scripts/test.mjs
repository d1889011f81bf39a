// `npm test`: every unit test, then the builds, then the end-to-end tests in real Chromium.
// Installs what a fresh machine lacks first (npm packages; Debian's chromium when root).
import { execSync } from 'node:child_process';
import { ensureDependencies } from './lib/deps.mjs';

const run = (command) => execSync(command, { stdio: 'inherit' });
const started = Date.now();

ensureDependencies();
const { ensureChromium } = await import('./lib/chromium.mjs');
const chromium = ensureChromium();
console.log(`Using Chromium at ${chromium}`);

run('npx tsc --noEmit');
run('npx vitest run');
run('npx wxt build');
run('npx wxt build -b firefox');
run('npx vitest run --config vitest.e2e.config.ts');
console.log(`npm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
