/**
 * The reader's "what to highlight" choice, applied where mentions are found: hidden types are
 * neither wrapped nor summarised. Whether the page is about the Met is still judged on every
 * mention, so hiding people does not make a page about the Met look unrelated.
 */
import { PageMatcher, type PageMatch } from '../match/page-matcher';
import type { MatchIndex } from '../kb/match-index';
import type { EntityType } from '../kb/schema';

export function filterMentionTypes(match: PageMatch, shown: ReadonlySet<EntityType>): PageMatch {
  return { ...match, mentions: match.mentions.filter((m) => shown.has(m.type)) };
}

export class TypeFilteredMatcher extends PageMatcher {
  constructor(
    index: MatchIndex,
    private readonly shown: ReadonlySet<EntityType>,
  ) {
    super(index);
  }

  override match(text: string): PageMatch {
    return filterMentionTypes(super.match(text), this.shown);
  }
}
