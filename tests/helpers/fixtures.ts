import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

export const SEED_PAGES = ['seed-0-rowley-carrick', 'seed-1-new-met-plan', 'seed-2-engage-exit'] as const;
export const NEGATIVE_PAGES = [
  'neg-met-office',
  'neg-met-gala',
  'neg-met-museum',
  'neg-dc-police',
  'neg-football-carrick',
  'neg-verb-met',
  'neg-tokyo-police',
  'neg-gmp-misconduct',
] as const;

export function pageHtml(name: string): string {
  return readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8');
}

/** A fixture page parsed into a happy-dom document (scripts are not run). */
export function loadPage(name: string): Document {
  return htmlDocument(pageHtml(name));
}

export function htmlDocument(html: string): Document {
  const window = new Window({ url: 'https://www.example.co.uk/' });
  window.document.write(html);
  return window.document as unknown as Document;
}
