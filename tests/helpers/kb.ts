import { readFileSync } from 'node:fs';
import { parseKnowledgeBase } from '../../utils/kb/service';
import { buildMatchIndex } from '../../utils/kb/match-index';
import type { KnowledgeBase } from '../../utils/kb/schema';

/** The bundled KB as the extension ships it. */
export function loadBundledKb(): KnowledgeBase {
  return parseKnowledgeBase(JSON.parse(readFileSync('public/kb/entities.json', 'utf8')));
}

export function bundledIndex() {
  const kb = loadBundledKb();
  return buildMatchIndex(kb.version, kb.entities);
}
