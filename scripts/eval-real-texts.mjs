// `npm run eval:real -- <folder>`: runs the matching engine on real article texts and prints, per
// text, whether it was judged about the Met (and why), every mention, every statistic tie (and
// any "differs"), and the recall of the names the text's own header calls core. The texts are
// gathered fresh for each evaluation round and are not kept in the repository (they are other
// people's articles); each file starts with a header:
//   URL: …  PUBLISHER: …  DATE: …  CORE: name; name; …   then a line "---" and the text.
// Files named neg-* are negatives: any highlight on them is a failure.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { readBundledKb } from './lib/kb-files.mjs';

const folder = process.argv[2];
if (!folder) throw new Error('Usage: npm run eval:real -- <folder of real texts>');

const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false },
  resolve: { alias: { '@': path.resolve('.') } },
});
try {
  const { PageMatcher } = await server.ssrLoadModule('/utils/match/page-matcher.ts');
  const { buildMatchIndex } = await server.ssrLoadModule('/utils/kb/match-index.ts');
  const kb = readBundledKb();
  const index = buildMatchIndex(kb.version, kb.entities);
  const norm = (s) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

  /** The KB entity a core name stands for: its name or an alias, written the same way. */
  const entityFor = (core) =>
    kb.entities.find((e) => e.type !== 'statistic' && [e.name, ...e.aliases.filter((a) => !a.afterFullName).map((a) => a.text)].some((t) => norm(t) === norm(core)));

  const totals = { pos: 0, dark: 0, neg: 0, touched: 0, core: 0, recalled: 0, mentions: 0, ties: 0, differs: 0 };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = readFileSync(path.join(folder, file), 'utf8');
    const [head, ...rest] = raw.split(/\n---\n/);
    const header = Object.fromEntries(head.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
    const text = rest.join('\n---\n').trim().replace(/\n+/g, '\u2029');
    const negative = file.startsWith('neg-');
    // The page's own site counts as it does in the browser (the force's own sites).
    const site = /^https?:\/\//.test(header.URL ?? '') ? new URL(header.URL).hostname.replace(/^www\./, '') : undefined;
    const { mentions, relevance } = new PageMatcher(index).match(text, { site, articleDate: /^\d{4}(-\d\d){0,2}$/.test(header.DATE ?? '') ? header.DATE : undefined });
    console.log(`\n== ${file} · ${header.PUBLISHER} · ${header.DATE}\n   ${relevance.relevant ? 'ABOUT THE MET' : 'dark'}: ${relevance.reason}`);
    const seen = new Set(mentions.map((m) => m.entityId));
    for (const m of mentions) {
      const stat = m.stat ? ` [figure ${m.stat.value}${m.stat.period ? ` for ${m.stat.period}` : ''}${m.stat.kbValue ? ` vs ${m.stat.kbValue.value} (${m.stat.kbValue.date})` : ''}${m.stat.differs ? ' DIFFERS' : ''}]` : '';
      console.log(`   ${m.entityId}: "${text.slice(m.start, m.end)}"${stat}`);
      if (m.stat) {
        totals.ties++;
        if (m.stat.differs) totals.differs++;
      }
    }
    totals.mentions += mentions.length;
    if (negative) {
      totals.neg++;
      if (mentions.length) totals.touched++;
      continue;
    }
    totals.pos++;
    if (!relevance.relevant) totals.dark++;
    const core = (header.CORE ?? '').split(';').map((c) => c.trim()).filter(Boolean);
    // A core name counts only where the text writes it: a header may name what the story is
    // about in words the text never uses ("Directorate of Professional Standards" for "the DPS").
    const written = (name) => text.toLowerCase().includes(name.toLowerCase());
    const absent = core.filter((c) => !written(c));
    const inKb = core.filter(written).map((c) => [c, entityFor(c)]).filter(([, e]) => e);
    // A name inside a larger highlight ("Sarah Everard" in "murder of Sarah Everard") is recalled:
    // the reader sees it highlighted, with the card of what the larger phrase names.
    const covered = (name) => mentions.some((m) => text.slice(m.start, m.end).toLowerCase().includes(name.toLowerCase()));
    const missed = inKb.filter(([c, e]) => !seen.has(e.id) && !covered(c)).map(([c]) => c);
    totals.core += inKb.length;
    totals.recalled += inKb.length - missed.length;
    console.log(`   core names in the KB: ${inKb.length - missed.length}/${inKb.length}${missed.length ? ` (missed: ${missed.join('; ')})` : ''}; not in the KB: ${core.filter((c) => written(c) && !entityFor(c)).join('; ') || 'none'}${absent.length ? `; not written in the text: ${absent.join('; ')}` : ''}`);
  }
  console.log(`\nPositives: ${totals.pos}, left dark: ${totals.dark}. Negatives: ${totals.neg}, touched: ${totals.touched}.`);
  console.log(`Core names in the KB recalled: ${totals.recalled}/${totals.core}. Mentions: ${totals.mentions}; statistic ties: ${totals.ties}, of which "differs": ${totals.differs}.`);
} finally {
  await server.close();
}
