import { readFileSync } from 'node:fs';
import { parseKnowledgeBase } from '../../utils/kb/service';
import { buildMatchIndex } from '../../utils/kb/match-index';
import { loadBundle } from '../../utils/kb/bundle';
import type { KnowledgeBase } from '../../utils/kb/schema';

/** The bundled KB as the extension ships it. */
export async function loadBundledKbAsync(): Promise<KnowledgeBase> {
  return parseKnowledgeBase(await loadBundle(async (file) => JSON.parse(readFileSync(`public/kb/${file}`, 'utf8'))));
}

/** The same, synchronously, for table-driven tests that need the KB at collection time. */
export function loadBundledKb(): KnowledgeBase {
  const index = JSON.parse(readFileSync('public/kb/index.json', 'utf8')) as { version: string; files: string[] };
  const entities = index.files.flatMap((file) => (JSON.parse(readFileSync(`public/kb/${file}`, 'utf8')) as { entities: unknown[] }).entities);
  return parseKnowledgeBase({ version: index.version, entities });
}

export function bundledIndex() {
  const kb = loadBundledKb();
  return buildMatchIndex(kb.version, kb.entities);
}
