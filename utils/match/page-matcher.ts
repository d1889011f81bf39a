/**
 * The matching engine as one call: text in, mentions out (names and statistics), with the
 * page-level relevance decision. Runs on a plain string, so it is tested without a browser.
 */
import { normalizeText } from './normalize';
import { NameMatcher } from './names';
import { StatisticMatcher } from './statistics';
import { judgeRelevance, type Relevance } from './relevance';
import type { MatchIndex } from '../kb/match-index';
import type { Mention } from './types';

export interface PageMatch {
  mentions: Mention[];
  relevance: Relevance;
}

export class PageMatcher {
  private readonly names: NameMatcher;
  private readonly stats: StatisticMatcher;

  constructor(private readonly index: MatchIndex) {
    this.names = new NameMatcher(index);
    this.stats = new StatisticMatcher(index);
  }

  match(text: string): PageMatch {
    const folded = normalizeText(text);
    const toOriginal = (start: number, end: number) => ({
      start: folded.map[start]!,
      end: folded.map[end - 1]! + 1,
    });
    const mentions: Mention[] = [];
    const named = new Set<string>();
    for (const m of this.names.find(folded)) {
      const entity = this.index.entities[m.entity]!;
      named.add(entity.id);
      mentions.push({ entityId: entity.id, type: entity.type, ...toOriginal(m.start, m.end) });
    }
    for (const m of this.stats.find(folded)) {
      const entity = this.index.entities[m.entity]!;
      const span = toOriginal(m.start, m.end);
      // A figure inside a name ("A New Met for London" has none, but "Operation 100" might) loses.
      if (mentions.some((n) => n.start < span.end && n.end > span.start)) continue;
      mentions.push({ entityId: entity.id, type: entity.type, ...span, stat: m.reading });
    }
    mentions.sort((a, b) => a.start - b.start);
    const relevance = judgeRelevance(folded.lower, named.size);
    return { mentions: relevance.relevant ? mentions : [], relevance };
  }
}
