/**
 * The matching engine: text in, mentions out (names and statistics), with the page-level
 * relevance decision. A long page is matched slice by slice (slices end at block breaks, so no
 * mention or sentence is cut), each slice a short piece of work, so the caller can yield to the
 * page between slices. Runs on a plain string, so it is tested without a browser.
 */
import { NameMatcher } from './names';
import { StatisticMatcher } from './statistics';
import { RelevanceRules, RelevanceSignals, type Relevance } from './relevance';
import { Vocabulary } from './vocabulary';
import { BLOCK_BREAK, tokenize } from './tokens';
import type { MatchIndex } from '../kb/match-index';
import type { Mention } from './types';
import { MATCH_SLICE_CHARS } from '../constants';

export interface PageMatch {
  mentions: Mention[];
  relevance: Relevance;
}

/** One page's matching, advanced a slice at a time. */
export class MatchRun {
  private position = 0;
  private readonly mentions: Mention[] = [];
  private readonly namedInFull = new Set<number>();
  private readonly named = new Set<string>();
  private readonly signals: RelevanceSignals;

  constructor(
    private readonly matcher: PageMatcher,
    private readonly text: string,
  ) {
    this.signals = matcher.relevanceSignals();
  }

  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** Matches the next slice. */
  step(): void {
    if (this.done) return;
    const from = this.position;
    const to = sliceEnd(this.text, from, MATCH_SLICE_CHARS);
    this.position = to;
    this.matcher.matchSlice(this.text, from, to, this.namedInFull, this.named, this.signals, this.mentions);
  }

  result(): PageMatch {
    const relevance = this.signals.judge(this.named.size);
    return { mentions: relevance.relevant ? this.mentions : [], relevance };
  }
}

/** The end of a slice of about `size` characters: at a block break, else at white space. */
function sliceEnd(text: string, from: number, size: number): number {
  if (from + size >= text.length) return text.length;
  const at = text.indexOf(BLOCK_BREAK, from + size);
  if (at >= 0 && at < from + size * 4) return at + 1;
  // One enormous block: cut at a sentence end so no name or sentence is split.
  const sentence = text.slice(from + size).search(/[.!?]\s/);
  return sentence >= 0 ? from + size + sentence + 2 : text.length;
}

export class PageMatcher {
  private readonly vocabulary = new Vocabulary();
  private readonly names: NameMatcher;
  private readonly stats: StatisticMatcher;
  private readonly relevance: RelevanceRules;

  constructor(private readonly index: MatchIndex) {
    // Every rule registers its words first; the automaton is built once the vocabulary is whole.
    this.names = new NameMatcher(index, this.vocabulary);
    this.stats = new StatisticMatcher(index, this.vocabulary);
    this.relevance = new RelevanceRules(this.vocabulary);
    this.names.build(this.vocabulary);
  }

  /** @internal a fresh set of relevance signals for one page. */
  relevanceSignals(): RelevanceSignals {
    return new RelevanceSignals(this.relevance);
  }

  /** Matching that the caller advances with `step()`, yielding between steps. */
  start(text: string): MatchRun {
    return new MatchRun(this, text);
  }

  /** Matches a whole text at once. */
  match(text: string): PageMatch {
    const run = this.start(text);
    while (!run.done) run.step();
    return run.result();
  }

  /** @internal used by MatchRun: matches [from, to) and adds to the run's state. */
  matchSlice(
    text: string,
    from: number,
    to: number,
    namedInFull: Set<number>,
    named: Set<string>,
    signals: RelevanceSignals,
    out: Mention[],
  ): void {
    const tokens = tokenize(text, this.vocabulary, from, to);
    signals.read(tokens);
    const found: Mention[] = [];
    for (const m of this.names.find(tokens, namedInFull)) {
      const entity = this.index.entities[m.entity]!;
      named.add(entity.id);
      found.push({ entityId: entity.id, type: entity.type, start: m.start, end: m.end });
    }
    for (const m of this.stats.find(tokens)) {
      // A figure inside a name loses to the name.
      if (found.some((n) => n.start < m.end && n.end > m.start)) continue;
      const entity = this.index.entities[m.entity]!;
      found.push({ entityId: entity.id, type: entity.type, start: m.start, end: m.end, stat: m.reading });
    }
    found.sort((a, b) => a.start - b.start);
    for (const m of found) out.push(m);
  }
}
