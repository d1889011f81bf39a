// `npm test`: every unit test, then the builds and Mozilla's linter on the Firefox build, then
// the end-to-end tests in real Chromium and Firefox ESR. Installs what a fresh machine lacks
// first (npm packages; Debian's chromium and firefox-esr when root). Each stage says how long it
// took, so a slow or stuck stage stands out in a CI log.
import { execSync } from 'node:child_process';
import { ensureDependencies } from './lib/deps.mjs';

const started = Date.now();
const timings = [];
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

async function stage(name, work) {
  const at = Date.now();
  console.log(`\n── ${name}`);
  try {
    await work();
  } finally {
    timings.push(`${name}: ${seconds(at)} s`);
    console.log(`── ${name}: ${seconds(at)} s`);
  }
}
const run = (command) => () => execSync(command, { stdio: 'inherit' });

try {
  await stage('install', () => ensureDependencies());
  await stage('browsers', async () => {
    // Imported after the install: they need the npm packages.
    const [{ ensureChromium }, { ensureFirefox }] = await Promise.all([import('./lib/chromium.mjs'), import('./lib/firefox.mjs')]);
    console.log(`Using Chromium at ${ensureChromium()} and Firefox at ${ensureFirefox()}`);
  });
  await stage('type-check', run('npx tsc --noEmit'));
  await stage('unit', run('npx vitest run'));
  await stage('build', run('npx wxt build && npx wxt build -b firefox'));
  // Errors fail the run; the only warnings are Preact's innerHTML path (dangerouslySetInnerHTML,
  // which this code never uses) — see README, Reliability.
  await stage('lint', run('npm run --silent lint:firefox'));
  await stage('e2e', run('npx vitest run --config vitest.e2e.config.ts'));
} finally {
  console.log(`\nnpm test stages:\n  ${timings.join('\n  ')}\nnpm test finished in ${seconds(started)} s`);
}
