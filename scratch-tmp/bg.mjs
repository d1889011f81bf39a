import { launchWithExtension } from '../scripts/lib/chromium.mjs';
import { buildWithEntities, measureBackgroundMatching } from '../tests/bench/kb-size.mjs';
import { readBundledKb } from '../scripts/lib/kb-files.mjs';
import { bigArticlePage } from '../tests/bench/fixtures.mjs';
import { readFileSync } from 'node:fs';
const html = readFileSync('tests/fixtures/pages/seed-1-new-met-plan.html','utf8');
const typical = html.slice(html.indexOf('articleBody')).replace(/<[^>]+>/g,' ').replace(/\s+/g,' ');
const texts = { typical, big: bigArticlePage().replace(/<[^>]+>/g,' ') };
const realKb = readBundledKb();
for (const dir of [undefined, buildWithEntities('.output/chrome-mv3', realKb, 10000), undefined]) {
  const b = await launchWithExtension({ port: 9, ...(dir ? { extensionDir: dir } : {}) });
  console.log(dir ? '10k' : 'shipped', await measureBackgroundMatching({ context: b.context, extensionId: b.extensionId, texts, runs: 21 }));
  await b.context.close();
}
