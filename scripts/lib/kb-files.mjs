// Reads the bundled KB files from public/kb/ in Node (for scripts; the extension reads the
// same files through utils/kb/bundle.ts).
import { readFileSync } from 'node:fs';

export function readBundledKb(dir = 'public/kb') {
  const index = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8'));
  const entities = index.files.flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).entities);
  return { version: index.version, entities };
}
