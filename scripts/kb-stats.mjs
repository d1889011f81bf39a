// `npm run kb:stats`: counts the bundled knowledge base by type against the coverage targets.
import { readBundledKb } from './lib/kb-files.mjs';

const { version, entities } = readBundledKb();

const GROUPS = [
  ['Inquiries, reviews, reports, plans, monitoring, operations, cases', ['inquiry', 'review', 'report', 'plan', 'monitoring', 'operation', 'case'], 40],
  ['People', ['person'], 80],
  ['Organisations', ['organisation'], 20],
  ['Statistics', ['statistic'], 40],
];

const byType = {};
for (const e of entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
const sources = entities.reduce((n, e) => n + e.sources.length + (e.stat?.values.length ?? 0), 0);
const series = entities.filter((e) => (e.stat?.values.length ?? 0) >= 2).length;

console.log(`Knowledge base ${version}: ${entities.length} entities (target 200), ${sources} cited sources and values`);
for (const [label, types, target] of GROUPS) {
  const count = types.reduce((n, t) => n + (byType[t] ?? 0), 0);
  const detail = types.length > 1 ? ` (${types.map((t) => `${t} ${byType[t] ?? 0}`).join(', ')})` : '';
  console.log(`  ${count >= target ? 'ok  ' : 'LOW '} ${label}: ${count} of ${target}${detail}`);
}
console.log(`  statistics with a dated series of 2+ values: ${series}`);
