/**
 * The matching engine: text in, mentions out (names and statistics), with the page-level
 * relevance decision. A page is matched in short steps so the caller can yield between them:
 * first its words are read slice by slice (slices end at block breaks, so no mention or
 * sentence is cut), then the alias automaton is built from the aliases whose words the page
 * holds, then each slice is matched. Runs on a plain string, so it is tested without a browser.
 */
import { NameMatcher, type PreparedNames } from './names';
import { StatisticMatcher } from './statistics';
import { RelevanceRules, RelevanceSignals, isForceSite, type Relevance } from './relevance';
import { Vocabulary } from './vocabulary';
import { SeenWords, WordStore, tokenize, type Tokens } from './tokens';
import type { MatchIndex } from '../kb/match-index';
import { BLOCK_BREAK, type Mention } from './types';
import { FIRST_SLICE_CHARS, MATCH_SLICE_CHARS } from '../constants';

export interface PageMatch {
  mentions: Mention[];
  relevance: Relevance;
}

/** What the engine needs to know about the page besides its text. */
export interface PageFacts {
  /** The page's site: on the force's own, every page is about the force. */
  site?: string;
  /** The page's date, when it states one: figures are not compared with values sourced later. */
  articleDate?: string;
}

/** One page's matching, advanced a step at a time. */
export class MatchRun {
  private position = 0;
  private readonly slices: Tokens[] = [];
  private readonly seen: SeenWords;
  /**
   * The page's words, all slices in one store. English runs to about one word per six
   * characters; room for one per five rarely needs to grow.
   */
  private readonly words: WordStore;
  /** This run's aliases and automaton (see PreparedNames: never the matcher's). */
  private prepared?: PreparedNames;
  private matched = 0;
  private readonly mentions: Mention[] = [];
  private readonly namedInFull = new Set<number>();
  private readonly named = new Set<string>();
  private readonly signals: RelevanceSignals;

  constructor(
    private readonly matcher: PageMatcher,
    private readonly text: string,
    private readonly page: PageFacts,
  ) {
    this.signals = matcher.relevanceSignals(page.site);
    this.seen = new SeenWords(matcher.vocabularySize);
    this.words = new WordStore(Math.max(1024, Math.ceil(text.length / 5)));
  }

  get done(): boolean {
    return this.prepared !== undefined && this.matched >= this.slices.length;
  }

  /** Does the next piece of work: read a slice's words, build the automaton, or match a slice. */
  step(): void {
    if (this.position < this.text.length) {
      const from = this.position;
      const to = sliceEnd(this.text, from, this.slices.length ? MATCH_SLICE_CHARS : FIRST_SLICE_CHARS);
      this.position = to;
      const tokens = this.matcher.tokenize(this.text, from, to, this.seen, this.words);
      this.signals.read(tokens);
      this.slices.push(tokens);
    } else if (!this.prepared) {
      this.prepared = this.matcher.prepare(this.seen);
    } else if (this.matched < this.slices.length) {
      const tokens = this.slices[this.matched]!;
      this.slices[this.matched++] = undefined as unknown as Tokens; // matched slices are not needed again
      this.matcher.matchSlice(this.prepared, tokens, this.namedInFull, this.named, this.mentions, this.page.articleDate);
    }
  }

  result(): PageMatch {
    const relevance = this.signals.judge(this.named.size, this.matcher.metStoryCount(this.named));
    return { mentions: relevance.relevant ? this.mentions : [], relevance };
  }
}

/** The end of a slice of about `size` characters: at a block break, else at a sentence end. */
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

  /**
   * Compiles the index's aliases and cues once; one matcher serves page after page (the
   * background keeps one per KB version).
   */
  constructor(private readonly index: MatchIndex) {
    // Every rule registers its words before any page text is read.
    this.names = new NameMatcher(index, this.vocabulary);
    this.stats = new StatisticMatcher(index, this.vocabulary);
    this.relevance = new RelevanceRules(this.vocabulary);
  }

  /** The KB version the matcher was built from. */
  get version(): string {
    return this.index.kbVersion;
  }

  /** The display name of an entity of the index. */
  nameOf(id: string): string | undefined {
    this.nameById ??= new Map(this.index.entities.map((e) => [e.id, e.name]));
    return this.nameById.get(id);
  }
  private nameById?: Map<string, string>;

  /** Matching that the caller advances with `step()`, yielding between steps. */
  start(text: string, page: PageFacts = {}): MatchRun {
    return new MatchRun(this, text, page);
  }

  /** Matches a whole text at once. */
  match(text: string, page: PageFacts = {}): PageMatch {
    const run = this.start(text, page);
    while (!run.done) run.step();
    return run.result();
  }

  /** @internal the parts MatchRun drives. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** @internal how many of the named entities belong to the Met's own story */
  metStoryCount(named: ReadonlySet<string>): number {
    let n = 0;
    for (const e of this.index.entities) if (e.metStory && named.has(e.id)) n++;
    return n;
  }

  /** @internal */
  relevanceSignals(site?: string): RelevanceSignals {
    return new RelevanceSignals(this.relevance, site !== undefined && isForceSite(site));
  }

  /** @internal */
  tokenize(text: string, from: number, to: number, seen: SeenWords, store: WordStore): Tokens {
    return tokenize(text, this.vocabulary, from, to, seen, store);
  }

  /** @internal */
  prepare(seen: SeenWords): PreparedNames {
    return this.names.prepare(seen);
  }

  /** @internal matches one slice's words and adds to the run's state. */
  matchSlice(prepared: PreparedNames, tokens: Tokens, namedInFull: Set<number>, named: Set<string>, out: Mention[], articleDate?: string): void {
    const names: Mention[] = [];
    const found = this.names.find(prepared, tokens, namedInFull);
    for (let i = 0; i < found.length; i++) {
      const m = found[i]!;
      const entity = this.index.entities[m.entity]!;
      named.add(entity.id);
      names.push({ entityId: entity.id, type: entity.type, start: m.start, end: m.end });
    }
    // Names and figures each come in document order: merge them.
    let n = 0;
    // Key figures are tied only near a name of their entry; names come in document order.
    const figures = this.stats.find(tokens, (entity, from, to) => {
      for (let i = 0; i < found.length; i++) {
        const m = found[i]!;
        if (m.start >= to) break;
        if (m.entity === entity && m.start >= from) return true;
      }
      return false;
    }, articleDate);
    for (let i = 0; i < figures.length; i++) {
      const m = figures[i]!;
      while (n < names.length && names[n]!.start < m.start) out.push(names[n++]!);
      // A figure inside a name loses to the name.
      const inName = (n > 0 && names[n - 1]!.end > m.start) || (n < names.length && names[n]!.start < m.end);
      if (inName) continue;
      const entity = this.index.entities[m.entity]!;
      out.push({ entityId: entity.id, type: entity.type, start: m.start, end: m.end, stat: m.reading });
    }
    while (n < names.length) out.push(names[n++]!);
  }
}
