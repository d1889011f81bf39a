import { createJiti } from 'jiti';
const jiti = createJiti(import.meta.url, { alias: { '@': process.cwd() } });
const { PageMatcher } = await jiti.import('/work/main/utils/match/page-matcher.ts');
const { buildMatchIndex } = await jiti.import('/work/main/utils/kb/match-index.ts');
const { readBundledKb } = await import('/work/main/scripts/lib/kb-files.mjs');
const { syntheticKb, bigArticlePage } = await import('/work/main/tests/bench/fixtures.mjs');
import { readFileSync } from 'node:fs';
const realKb = readBundledKb();
const html = readFileSync('tests/fixtures/pages/seed-2-engage-exit.html','utf8');
const typical = html.slice(html.indexOf('articleBody')).replace(/<[^>]+>/g,' ').replace(/\s+/g,' ');
const big = bigArticlePage().replace(/<[^>]+>/g,' ');
for (const [name, kb] of [['real', realKb], ['10k', syntheticKb(realKb, 10000)], ['real', realKb]]) {
  const t0 = performance.now();
  const m = new PageMatcher(buildMatchIndex('x', kb.entities));
  const t1 = performance.now();
  for (const [tn, text] of [['typical', typical], ]) {
    for (let i=0;i<30;i++) m.match(text, {site:'standard.co.uk'});
    const times=[];
    const parts = {tok:0, prep:0, match:0};
    for (let i=0;i<21;i++){ 
      const run = m.start(text,{site:'standard.co.uk'}); const s=performance.now();
      while(!run.done){ const a=performance.now(); const phase = run.prepared? 'match' : (run.position < text.length ? 'tok':'prep'); run.step(); parts[phase]+=performance.now()-a; }
      run.result(); times.push(performance.now()-s); }
    times.sort((a,b)=>a-b);
    console.log(name, kb.entities.length, 'build', (t1-t0).toFixed(1), tn, text.length, 'median', times[10].toFixed(2), Object.fromEntries(Object.entries(parts).map(([k,v])=>[k,(v/21).toFixed(2)])));
  }
}
