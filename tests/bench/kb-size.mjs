/**
 * What a larger knowledge base costs, with the built extension: the build as shipped against a
 * copy whose bundled KB is topped up with synthetic people to 10,000 entities (one more file in
 * its kb/ folder, listed in kb/index.json; nothing else differs).
 *
 * How to call it (scripts/bench.mjs does):
 *   const dir = buildWithEntities('.output/chrome-mv3', realKb, 10_000);
 *   const ms = await measureBackgroundMatching({ context, extensionId, texts, runs });
 * `measureBackgroundMatching` times, from an extension page, the background's answer to
 * `matchText` for each text (request to answer, the background warm: one answer first), and
 * gives the median per text. The page-side cost of the two builds is measured with
 * page-cost.mjs, whose pages never load the match index.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { syntheticKb } from './fixtures.mjs';

export function buildWithEntities(buildDir, realKb, total) {
  const dir = mkdtempSync(path.join(tmpdir(), `met-bench-kb${total}-`));
  cpSync(buildDir, dir, { recursive: true });
  const added = syntheticKb(realKb, total).entities.filter((e) => e.id.startsWith('synthetic-'));
  writeFileSync(path.join(dir, 'kb', 'synthetic.json'), JSON.stringify({ entities: added }));
  const index = JSON.parse(readFileSync(path.join(dir, 'kb', 'index.json'), 'utf8'));
  writeFileSync(path.join(dir, 'kb', 'index.json'), JSON.stringify({ version: `${index.version}+synthetic-${total}`, files: [...index.files, 'synthetic.json'] }));
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureBackgroundMatching({ context, extensionId, texts, runs = 5 }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const results = {};
  for (const [name, text] of Object.entries(texts)) {
    const times = await page.evaluate(
      async ({ text, runs }) => {
        const ask = async () => {
          const start = performance.now();
          const reply = await chrome.runtime.sendMessage({ type: 'matchText', text, site: 'standard.co.uk' });
          if (!reply?.ok || !reply.value.mentions.length) throw new Error(`matchText failed: ${JSON.stringify(reply).slice(0, 200)}`);
          return performance.now() - start;
        };
        await ask();
        const out = [];
        for (let i = 0; i < runs; i++) out.push(await ask());
        return out;
      },
      { text, runs },
    );
    results[name] = median(times);
  }
  await page.close();
  return results;
}
