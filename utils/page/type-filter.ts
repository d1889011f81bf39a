/**
 * The reader's "what to highlight" choice, applied where mentions are found: hidden types are
 * neither wrapped nor summarised. Whether the page is about the Met is still judged on every
 * mention, so hiding people does not make a page about the Met look unrelated.
 */
import type { PageMatch } from '../match/page-matcher';
import type { EntityType } from '../kb/schema';

export function filterMentionTypes(match: PageMatch, shown: ReadonlySet<EntityType>): PageMatch {
  return { ...match, mentions: match.mentions.filter((m) => shown.has(m.type)) };
}
