// `npm run kb:stats`: counts the bundled knowledge base by type against the coverage targets.
import { readBundledKb } from './lib/kb-files.mjs';

const { version, entities } = readBundledKb();

// Targets from the KB issue for 2024–2026 coverage.
const GROUPS = [
  ['Inquiries, reviews, reports, plans, monitoring, operations, cases', ['inquiry', 'review', 'report', 'plan', 'monitoring', 'operation', 'case'], 80],
  ['People', ['person'], 160],
  ['Organisations', ['organisation'], 50],
  ['Statistics', ['statistic'], 70],
];
const KEY_FIGURES_TARGET = 150;
const ENTITIES_TARGET = 400;

const byType = {};
for (const e of entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
const sources = entities.reduce((n, e) => n + e.sources.length + (e.stat?.values.length ?? 0) + (e.figures?.length ?? 0), 0);
const keyFigures = entities.reduce((n, e) => n + (e.figures?.length ?? 0), 0);
const series = entities.filter((e) => (e.stat?.values.length ?? 0) >= 2).length;

console.log(`Knowledge base ${version}: ${entities.length} entities (target ${ENTITIES_TARGET}), ${sources} cited sources, values and figures`);
for (const [label, types, target] of GROUPS) {
  const count = types.reduce((n, t) => n + (byType[t] ?? 0), 0);
  const detail = types.length > 1 ? ` (${types.map((t) => `${t} ${byType[t] ?? 0}`).join(', ')})` : '';
  console.log(`  ${count >= target ? 'ok  ' : 'LOW '} ${label}: ${count} of ${target}${detail}`);
}
console.log(`  statistics with a dated series of 2+ values: ${series}`);
console.log(`  ${keyFigures >= KEY_FIGURES_TARGET ? 'ok  ' : 'LOW '} key figures: ${keyFigures} of ${KEY_FIGURES_TARGET}, on ${entities.filter((e) => e.figures?.length).length} entities`);
