// `npm run bench`: measures the engine in real Chromium against baselines measured in the same
// run, and prints ratios. Nothing here is a pass/fail test; the figures go into notes.
import { build } from 'vite';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, mkdtempSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDependencies } from './lib/deps.mjs';

ensureDependencies();
const { ensureChromium } = await import('./lib/chromium.mjs');
const { serveFixtures } = await import('./lib/server.mjs');
const { bigArticlePage, syntheticKb } = await import('../tests/bench/fixtures.mjs');
const { chromium } = await import('playwright-core');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => x.toFixed(d);

const dir = mkdtempSync(path.join(tmpdir(), 'met-bench-'));
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: dir,
    emptyOutDir: false,
    minify: true,
    lib: { entry: path.resolve('tests/bench/engine-entry.ts'), formats: ['iife'], name: 'MetBenchBundle', fileName: () => 'engine.js' },
  },
  resolve: { alias: { '@': path.resolve('.') } },
});
writeFileSync(path.join(dir, 'big.html'), bigArticlePage(1_000_000));
writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><title>bench</title><body></body>');
// A typical article: the seed page of about 10 KB of text, as a publisher serves it.
writeFileSync(path.join(dir, 'typical.html'), readFileSync('tests/fixtures/pages/seed-1-new-met-plan.html', 'utf8'));
// Real publishers' page structures, for choosing the story beside Readability.
const markupPages = JSON.parse(readFileSync('tests/fixtures/markup/manifest.json', 'utf8'));
for (const { file } of markupPages) cpSync(`tests/fixtures/markup/${file}`, path.join(dir, `markup-${file}`));

// The real KB topped up with synthetic entities to 200 and to 10,000.
const realKb = (await import('./lib/kb-files.mjs')).readBundledKb();
const index200 = syntheticKb(realKb, 200);
const index10k = syntheticKb(realKb, 10_000);
const aliases = [...new Set(index200.entities.flatMap((e) => e.aliases.map((a) => a.text)))];

const server = await serveFixtures({ dir });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const engineJs = readFileSync(path.join(dir, 'engine.js'), 'utf8');
const markJs = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

async function fresh(file = 'big.html') {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/${file}`);
  await page.addScriptTag({ content: engineJs });
  await page.addScriptTag({ content: markJs });
  return page;
}

async function repeat(fn, file) {
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await fresh(file);
    values.push(await fn(page));
    await page.close();
  }
  return values;
}

console.log(`Benchmark: ${RUNS} runs each, medians; page of ${fmt(bigArticlePage(1_000_000).length / 1e6, 2)} MB HTML, ~1 MB of article text.`);
const phasePage = await fresh();
const phases = await phasePage.evaluate((kb) => window.MetBench.phases(kb), index200);
await phasePage.close();
const probe = await fresh();
const pieces = await probe.evaluate((idx) => window.MetBench.pieces(idx), index200);
await probe.close();
console.log(`Engine phases (one run): ${Object.entries(phases).map(([k, v]) => `${k} ${fmt(v)} ms`).join('; ')}`);
console.log(`Highlight elements on the page with the 200-entity KB: ${pieces.length}`);

// The three are measured in turn, round after round, so whatever else the machine is doing
// (Chromium's own start-up work early on, other processes) weighs on each of them alike.
const mentionsPage = await fresh();
const mentions = await mentionsPage.evaluate((idx) => window.MetBench.mentions(idx), index200);
await mentionsPage.close();
const rounds = { engine: [], floor: [], engine10k: [], notMatching: [], everyCharacter: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of [
    ['engine', (p) => p.evaluate((idx) => window.MetBench.engine(idx).ms, index200)],
    ['floor', (p) => p.evaluate((pc) => window.MetBench.floor(pc).ms, pieces)],
    ['engine10k', (p) => p.evaluate((idx) => window.MetBench.engine(idx).ms, index10k)],
    ['notMatching', (p) => p.evaluate((m) => window.MetBench.engineGivenMentions(m).ms, mentions)],
    ['everyCharacter', (p) => p.evaluate(() => window.MetBench.readEveryCharacter().ms)],
  ]) {
    const page = await fresh();
    rounds[name].push(await run(page));
    await page.close();
  }
}
const engine = median(rounds.engine);
const floor = median(rounds.floor);
const engine10k = median(rounds.engine10k);
const notMatching = median(rounds.notMatching);
const everyCharacter = median(rounds.everyCharacter);
const chunkedRuns = await repeat((p) => p.evaluate((idx) => window.MetBench.chunked(idx), index200));
const chunkedMs = median(chunkedRuns.map((r) => r.ms));
const longTasks = Math.max(...chunkedRuns.map((r) => r.longTasks));
const longest = Math.max(...chunkedRuns.map((r) => r.longest));
const choice = {};
for (const file of ['typical.html', 'big.html']) {
  const runs = await repeat((p) => p.evaluate(() => window.MetBench.articleChoice()), file);
  choice[file] = Object.fromEntries(['chooseMs', 'previousMs', 'readMs'].map((k) => [k, median(runs.map((r) => r[k]))]));
}
// One fresh page per real page structure: each pays its first, cold run, as a reader's page does.
const onMarkup = [];
for (const { file } of markupPages) {
  const page = await fresh(`markup-${file}`);
  onMarkup.push(await page.evaluate(() => window.MetBench.markupPage()));
  await page.close();
}
const articles = onMarkup.filter((r) => r.article);
const right = (side) => articles.filter((r) => r[side].story && r[side].leaks === 0).length;
const fronts = onMarkup.filter((r) => !r.article);
const markPage = await fresh();
const mark = (await markPage.evaluate((a) => window.MetBench.markjs(a), aliases)).ms;
await markPage.close();
const seedPage = await fresh('blank.html');
const seeds = [];
for (let i = 0; i < RUNS; i++) seeds.push(await seedPage.evaluate((kb) => window.MetBench.seed(kb), syntheticKb(realKb, 1000)));
await seedPage.close();
const seedMs = median(seeds.map((s) => s.ms));
const seedBase = median(seeds.map((s) => s.baselineMs));

// Card latency needs the built extension in Chromium, on the seed article.
await browser.close();
await server.close();
execSync('npx wxt build', { stdio: 'ignore' });
const { launchWithExtension } = await import('./lib/chromium.mjs');
const { measureCardLatency } = await import('../tests/bench/card-latency.mjs');
const fixtures = await serveFixtures();
const withExtension = await launchWithExtension({ port: fixtures.port });
const card = await measureCardLatency({ context: withExtension.context });
// What each page parses at once, and what waits until it is wanted (utils/page/lazy-code.ts).
const sizeOf = (file) => {
  const code = readFileSync(`.output/chrome-mv3/${file}`);
  return { raw: code.length, gzip: gzipSync(code).length };
};
const sizes = { content: sizeOf('content-scripts/content.js'), card: sizeOf('card-code.js'), matcher: sizeOf('matcher-code.js') };
await withExtension.context.close();
await fixtures.close();

// What the reader's page pays, with the built extension: the typical article and the 1 MB page
// on a listed site, against the same files where the extension does not run.
const { measurePageCost } = await import('../tests/bench/page-cost.mjs');
const pagesServer = await serveFixtures({ dir });
const costBrowser = await launchWithExtension({ port: pagesServer.port });
const pageCost = await measurePageCost({
  context: costBrowser.context,
  extensionId: costBrowser.extensionId,
  runs: RUNS,
  pages: [
    { name: 'typical article (seed 1)', url: 'http://www.standard.co.uk/news/crime/typical.html', baselineUrl: 'http://unlisted.example/typical.html' },
    { name: '1 MB page', url: 'http://www.standard.co.uk/news/crime/big.html', baselineUrl: 'http://unlisted.example/big.html' },
  ],
});
// The text the background is asked to match, as the page reads it.
const texts = {};
{
  const reader = await costBrowser.context.newPage();
  for (const [name, file] of [['typical', 'typical.html'], ['big', 'big.html']]) {
    await reader.goto(`http://unlisted.example/${file}`);
    texts[name] = await reader.evaluate(() => document.body.innerText);
  }
  await reader.close();
}
const { buildWithEntities, measureBackgroundMatching } = await import('../tests/bench/kb-size.mjs');
const matchingShipped = await measureBackgroundMatching({ context: costBrowser.context, extensionId: costBrowser.extensionId, texts, runs: RUNS });
await costBrowser.context.close();

// The same, with the bundled KB topped up to 10,000 entities.
const bigKbDir = buildWithEntities('.output/chrome-mv3', realKb, 10_000);
const bigKbBrowser = await launchWithExtension({ port: pagesServer.port, extensionDir: bigKbDir });
const typicalPage = [{ name: 'typical article (seed 1)', url: 'http://www.standard.co.uk/news/crime/typical.html', baselineUrl: 'http://unlisted.example/typical.html' }];
const [pageCost10k] = await measurePageCost({ context: bigKbBrowser.context, extensionId: bigKbBrowser.extensionId, runs: RUNS, pages: typicalPage });
const matching10k = await measureBackgroundMatching({ context: bigKbBrowser.context, extensionId: bigKbBrowser.extensionId, texts, runs: RUNS });
await bigKbBrowser.context.close();
rmSync(bigKbDir, { recursive: true, force: true });
await pagesServer.close();
const shippedCount = realKb.entities.length;

const rows = [
  ['Engine, sync (build matcher + read + match + wrap), 200 entities', `${fmt(engine)} ms`, ''],
  ['Floor (TreeWalker read + wrap the same ranges, no matching)', `${fmt(floor)} ms`, ''],
  ['  engine / floor', `${fmt(engine / floor, 2)}x`, 'target <= 1.5x'],
  ['  of which not matching: read + plan + wrap, mentions given', `${fmt(notMatching)} ms`, `${fmt(notMatching / floor, 2)}x the floor`],
  ['  left for matching within 1.5x the floor', `${fmt(1.5 * floor - notMatching)} ms`, `engine spends ${fmt(engine - notMatching)} ms`],
  ['  a bare loop reading each character once (fresh page)', `${fmt(everyCharacter)} ms`, ''],
  [`mark.js, same ${aliases.length} aliases (one run)`, `${fmt(mark)} ms`, ''],
  ['  mark.js / engine', `${fmt(mark / engine, 0)}x`, 'target >= 100x'],
  ['Engine, 10,000 entities', `${fmt(engine10k)} ms`, ''],
  ['  10,000 / 200 entities', `${fmt(engine10k / engine, 2)}x`, 'target <= 1.2x'],
  ['Chunked annotation as shipped (wall time)', `${fmt(chunkedMs)} ms`, ''],
  ['  long tasks (> 50 ms) during it, worst run', `${longTasks} (longest ${fmt(longest)} ms)`, 'target 0'],
  ...['typical.html', 'big.html'].flatMap((file) => {
    const { chooseMs, previousMs, readMs } = choice[file];
    const name = file === 'big.html' ? '1 MB page' : 'typical article (seed 1)';
    return [
      [`Choosing the story, ${name}`, `${fmt(chooseMs, 2)} ms`, `the previous rule: ${fmt(previousMs, 2)} ms`],
      ['  beside reading its text', `${fmt(readMs, 2)} ms`, `choosing is ${fmt((100 * chooseMs) / (chooseMs + readMs), 0)}% of the two`],
    ];
  }),
  [`Choosing the story on ${onMarkup.length} real page structures (median)`, `${fmt(median(onMarkup.map((r) => r.oursMs)), 2)} ms`, `max ${fmt(Math.max(...onMarkup.map((r) => r.oursMs)), 1)} ms`],
  ['  Readability on a clone, as Reader View runs it (median)', `${fmt(median(onMarkup.map((r) => r.readabilityMs)), 2)} ms`, `max ${fmt(Math.max(...onMarkup.map((r) => r.readabilityMs)), 1)} ms, one task`],
  ['  isProbablyReaderable (median)', `${fmt(median(onMarkup.map((r) => r.readerableMs)), 2)} ms`, ''],
  ['  story read whole, nothing marked outside read: ours', `${right('ours')} of ${articles.length}`, `Readability: ${right('theirs')}, the previous rule: ${right('previous')}`],
  ['  section fronts read as no article: ours', `${fronts.filter((r) => r.ours.empty).length} of ${fronts.length}`, `previous rule: ${fronts.filter((r) => r.previous.empty).length}; isProbablyReaderable said no: ${fronts.filter((r) => !r.readerable).length}`],
  ...pageCost.flatMap((r) => [
    [`Page pays, ${r.name} (${r.highlights} highlights), background warm: main thread added`, `${fmt(r.warmAddedMs)} ms`, `page alone ${fmt(r.baselineMs)} ms`],
    ['  DOMContentLoaded to last highlight, background warm', `${fmt(r.warmToLast)} ms`, r.name.startsWith('1 MB') ? 'target <= 300 ms' : 'target <= 100 ms'],
    ['  after the worker was stopped: main thread added', `${fmt(r.coldAddedMs)} ms`, ''],
    ['  after the worker was stopped: DOMContentLoaded to last highlight', `${fmt(r.coldToLast)} ms`, r.name.startsWith('1 MB') ? '' : 'target <= 400 ms'],
  ]),
  [`KB of 10,000 entities against the shipped ${shippedCount}: page's main thread added, typical article`, `${fmt(pageCost10k.warmAddedMs)} ms`, `shipped: ${fmt(pageCost.find((r) => r.name === pageCost10k.name).warmAddedMs)} ms (target within 1.1x)`],
  ['  DOMContentLoaded to last highlight, background warm', `${fmt(pageCost10k.warmToLast)} ms`, `shipped: ${fmt(pageCost.find((r) => r.name === pageCost10k.name).warmToLast)} ms`],
  ...Object.keys(texts).map((name) => [
    `  background matching (request to answer), ${name === 'big' ? '1 MB page' : 'typical article'}`,
    `${fmt(matching10k[name])} ms`,
    `shipped: ${fmt(matchingShipped[name])} ms, ${fmt(matching10k[name] / matchingShipped[name], 2)}x (target within 1.2x)`,
  ]),
  ['Card: hover-intent delay over to card shown, first hover (loads its code)', `${fmt(card.firstMs)} ms`, `target <= 1 frame (${fmt(card.frameMs, 1)} ms)`],
  [`  later hovers (median of ${card.samples - 1})`, `${fmt(card.medianMs)} ms`, `max ${fmt(card.maxMs)} ms`],
  ['Content script, gzipped (parsed on every page of every listed site)', `${fmt(sizes.content.gzip / 1024, 1)} KB`, `target <= 25 KB; ${fmt(sizes.content.raw / 1024, 1)} KB minified`],
  ['  loaded when needed: the card, gzipped', `${fmt(sizes.card.gzip / 1024, 1)} KB`, 'on the first hover, focus or tap'],
  ['  loaded when needed: the page\'s own matcher, gzipped', `${fmt(sizes.matcher.gzip / 1024, 1)} KB`, 'only when the background cannot match'],
  ['Seed 1,000 entities into IndexedDB', `${fmt(seedMs)} ms`, 'target <= 300 ms'],
  ['  against 1,000 bare puts in one transaction', `${fmt(seedMs / seedBase, 2)}x`, ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(14)}  ${target}`);

rmSync(dir, { recursive: true, force: true });
