/**
 * Ties figures to KB measures by the words around them in the same sentence, then compares
 * the page's figure with the KB's sourced values.
 */
import { findWords, patternIds, sentenceRange, wordAt, wordText, type Tokens } from './tokens';
import { FigureRules, type Figure } from './figures';
import type { Vocabulary } from './vocabulary';
import type { IndexedStatistic, MatchIndex } from '../kb/match-index';
import type { StatReading } from './types';
import { byPeriod } from '../kb/dates';
import { COUNT_NOUN_WINDOW_WORDS, STAT_APPROXIMATE_TOLERANCE, STAT_EXACT_TOLERANCE } from '../constants';

/** "77.6 per cent in 2024": words that introduce the period a figure is for. */
const PERIOD_WORDS = ['in', 'for', 'during', 'of'];
/** "In January, it reached 90.9 per cent": words that refer back to the previous figure. */
const BACK_REFERENCES = ['it', 'this', 'that'];

interface CompiledStat {
  stat: IndexedStatistic;
  /** Cue groups, each a list of phrases, each phrase a list of word ids. */
  cues: number[][][];
}

interface FigureSpan {
  figure: Figure;
  first: number;
  last: number;
  sentence: { first: number; last: number };
}

/**
 * How well a measure's cues fit a figure, or null when they do not. Every cue group must occur
 * in the sentence outside the figure itself. For counts, the first group names the thing
 * counted and must follow the figure closely ("800 officers", "69,000 crimes") with no other
 * figure between, which keeps two counts in one sentence apart. Lower scores fit better.
 */
function cueFit(c: CompiledStat, f: FigureSpan, tokens: Tokens, nextFigureStart: number, inSentence: (id: number) => boolean): number | null {
  let score = 0;
  for (const [groupIndex, group] of c.cues.entries()) {
    let best = Infinity;
    for (const phrase of group) {
      if (!inSentence(phrase[0]!)) continue;
      for (const k of findWords(tokens, phrase, f.sentence.first, f.sentence.last)) {
        const kEnd = k + phrase.length - 1;
        if (k <= f.last && kEnd >= f.first) continue;
        const distance = k > f.last ? k - f.last : f.first - kEnd;
        if (f.figure.unit === 'count' && groupIndex === 0) {
          if (k <= f.last || tokens.starts[k]! > nextFigureStart) continue;
          if (k - f.last - 1 > COUNT_NOUN_WINDOW_WORDS) continue;
        }
        best = Math.min(best, distance);
      }
    }
    if (best === Infinity) return null;
    score += best;
  }
  return score;
}

function agrees(a: number, b: number, approximate: boolean): boolean {
  const tolerance = approximate ? STAT_APPROXIMATE_TOLERANCE : STAT_EXACT_TOLERANCE;
  return Math.abs(a - b) <= Math.max(Math.abs(b) * tolerance, 0.05);
}

/**
 * Compares a page figure with the measure's values. A figure that equals a sourced value
 * agrees with it. A year named on the page is compared with the figure for that whole year
 * first, then with any figure dated within it; otherwise every value is a candidate. When
 * none agrees, the figure differs from the latest candidate.
 */
export function compareWithKb(stat: IndexedStatistic, value: number, approximate: boolean, period?: string): StatReading {
  const reading: StatReading = { value, approximate, differs: false, ...(period ? { period } : {}) };
  const wholeYear = period ? stat.values.filter((v) => v.date === period) : [];
  const withinYear = period ? stat.values.filter((v) => v.date.startsWith(period)) : [];
  const pool = wholeYear.length ? wholeYear : withinYear.length ? withinYear : stat.values;
  const match = pool.find((v) => agrees(value, v.value, approximate));
  if (match) return { ...reading, kbValue: match };
  const latest = byPeriod(pool).at(-1);
  return latest ? { ...reading, kbValue: latest, differs: true } : reading;
}

export interface StatMention {
  entity: number;
  start: number;
  end: number;
  reading: StatReading;
}

export class StatisticMatcher {
  private readonly compiled: CompiledStat[];
  private readonly figures: FigureRules;
  private readonly period: Set<number>;
  private readonly backReferences: Set<number>;
  /** Measures by the first word of each phrase in their first cue group. */
  private readonly byFirstCueWord = new Map<number, CompiledStat[]>();
  private candidateSentence = -1;
  private candidateList: CompiledStat[] = [];
  /** Per vocabulary word, the last sentence (numbered across calls) it was seen in, plus one. */
  private stamp = new Int32Array(0);
  private stamps = 0;

  constructor(
    index: MatchIndex,
    private readonly vocabulary: Vocabulary,
  ) {
    this.compiled = index.stats.map((stat) => ({
      stat,
      cues: stat.cues.map((group) => group.map((phrase) => patternIds(vocabulary, phrase))),
    }));
    for (const c of this.compiled) {
      for (const phrase of c.cues[0] ?? []) {
        const list = this.byFirstCueWord.get(phrase[0]!) ?? [];
        if (!list.includes(c)) list.push(c);
        this.byFirstCueWord.set(phrase[0]!, list);
      }
    }
    this.figures = new FigureRules(vocabulary);
    this.period = new Set(PERIOD_WORDS.map((w) => vocabulary.add(w)));
    this.backReferences = new Set(BACK_REFERENCES.map((w) => vocabulary.add(w)));
  }

  /** Figures in the tokenised text tied to measures. */
  find(tokens: Tokens): StatMention[] {
    const results: StatMention[] = [];
    if (!this.compiled.length) return results;
    const figures = this.figures.find(tokens);
    if (this.stamp.length < this.vocabulary.size) this.stamp = new Int32Array(this.vocabulary.size);
    /** The last figure tied to a measure, for "it reached 90.9 per cent" in the next sentence. */
    let previous: { c: CompiledStat; sentence: number; block: number } | undefined;
    // Which words the current sentence holds, stamped by sentence so nothing is allocated per figure.
    const stamp = this.stamp;
    let stampedSentence = -1;
    const inSentence = (id: number) => id >= 0 && stamp[id] === stampedSentence + 1;
    for (const [i, figure] of figures.entries()) {
      const first = wordAt(tokens, figure.start);
      if (first >= tokens.count) continue;
      let last = first;
      while (last + 1 < tokens.count && tokens.starts[last + 1]! < figure.end) last++;
      const f: FigureSpan = { figure, first, last, sentence: sentenceRange(tokens, first) };
      if (stampedSentence !== this.stamps + tokens.sentence[first]!) {
        stampedSentence = this.stamps + tokens.sentence[first]!;
        for (let k = f.sentence.first; k <= f.sentence.last; k++) if (tokens.ids[k]! >= 0) stamp[tokens.ids[k]!] = stampedSentence + 1;
      }
      const nextFigureStart = figures[i + 1]?.start ?? Infinity;
      let best: CompiledStat | undefined;
      let bestScore = Infinity;
      for (const c of this.candidates(f, tokens)) {
        if (c.stat.unit !== figure.unit) continue;
        const score = cueFit(c, f, tokens, nextFigureStart, inSentence);
        if (score !== null && score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
      best ??= this.continued(previous, f, tokens);
      if (!best) continue;
      previous = { c: best, sentence: tokens.sentence[first]!, block: tokens.block[first]! };
      results.push({
        entity: best.stat.entity,
        start: figure.start,
        end: figure.end,
        reading: compareWithKb(best.stat, figure.value, figure.approximate, this.yearNear(tokens, f)),
      });
    }
    this.stamps += tokens.sentence[tokens.count - 1] ?? 0;
    this.stamps += 1;
    return results;
  }

  /**
   * The measures worth testing for a figure: those with a first-group cue word in its sentence
   * (every group must match, so a measure without one cannot fit). Most sentences name none.
   */
  private candidates(f: FigureSpan, tokens: Tokens): CompiledStat[] {
    if (this.candidateSentence === tokens.sentence[f.first]! + this.stamps) return this.candidateList;
    this.candidateSentence = tokens.sentence[f.first]! + this.stamps;
    const list: CompiledStat[] = [];
    for (let k = f.sentence.first; k <= f.sentence.last; k++) {
      const id = tokens.ids[k]!;
      const stats = id >= 0 ? this.byFirstCueWord.get(id) : undefined;
      if (stats) for (const c of stats) if (!list.includes(c)) list.push(c);
    }
    this.candidateList = list;
    return list;
  }

  /** A year named right after the figure in the same clause: "77.6 per cent in 2024". */
  private yearNear(tokens: Tokens, f: FigureSpan): string | undefined {
    for (let k = f.last + 1; k < f.sentence.last; k++) {
      const gap = tokens.text.slice(tokens.ends[k - 1]!, tokens.starts[k]!);
      if (/[,;:]/.test(gap)) return undefined;
      if (this.period.has(tokens.ids[k]!)) {
        const next = wordText(tokens, k + 1);
        if (/^(19|20)\d{2}$/.test(next)) return next;
      }
    }
    return undefined;
  }

  /**
   * A figure with no cues of its own continues the measure of the sentence just before when
   * the two sentences are adjacent in one block, the units agree and this one refers back
   * with a pronoun ("...answered within 10 seconds. In January, it reached 90.9 per cent.").
   */
  private continued(
    previous: { c: CompiledStat; sentence: number; block: number } | undefined,
    f: FigureSpan,
    tokens: Tokens,
  ): CompiledStat | undefined {
    if (!previous || previous.c.stat.unit !== f.figure.unit) return undefined;
    if (tokens.sentence[f.first] !== previous.sentence + 1 || tokens.block[f.first] !== previous.block) return undefined;
    for (let k = f.sentence.first; k < f.first; k++) if (this.backReferences.has(tokens.ids[k]!)) return previous.c;
    return undefined;
  }
}
