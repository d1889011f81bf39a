/** The options page's logic: searching the KB by name and turning the "add an entry" form into an entry. */
import type { KbOverview } from '../messages';
import type { EntityType } from '../kb/schema';

/** Results shown at most for a search, so a one-letter query does not list the whole KB. */
export const SEARCH_MAX_RESULTS = 30;

type Entry = KbOverview['entries'][number];

/** Entries whose name contains every word of the query, case and accents aside. */
export function searchEntries(entries: readonly Entry[], query: string): Entry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((e) => words.every((w) => fold(e.name).includes(w))).slice(0, SEARCH_MAX_RESULTS);
}

function fold(text: string): string {
  // Typographic quotes and dashes count as their plain forms; case and accents are ignored.
  return text
    .replace(/[\u2018\u2019\u201B`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export interface EntryForm {
  type: EntityType;
  name: string;
  /** Other names, one per line or comma-separated. */
  aliases: string;
  summary: string;
  publisher: string;
  title: string;
  sourceDate: string;
}

/** A kebab-case id from a name: "Operation Hydrant" becomes "own-operation-hydrant". */
export function entryId(name: string): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `own-${slug || 'entry'}`;
}

/**
 * The entry the form describes, in the KB's shape (checked by the background against the
 * schema before it is stored). The name is always one of its aliases.
 */
export function entryFromForm(form: EntryForm, today: string): unknown {
  const names = [form.name, ...form.aliases.split(/[\n,]/)].map((s) => s.trim()).filter((s) => s.length > 0);
  return {
    id: entryId(form.name),
    type: form.type,
    name: form.name.trim(),
    aliases: [...new Set(names)].map((text) => ({ text })),
    summary: form.summary.trim(),
    sources: [{ publisher: form.publisher.trim(), title: form.title.trim(), date: form.sourceDate.trim() }],
    checked: today,
  };
}
