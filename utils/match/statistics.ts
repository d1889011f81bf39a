/**
 * Ties figures to KB measures by the words around them in the same sentence, then compares
 * the page's figure with the KB's sourced values.
 */
import { clauseEndsBefore, isCapitalised, isYear, MONTHS, patternIds, phraseAt, type Sentence, type Tokens } from './tokens';
import { FigureScope } from './figure-scope';
import { FigureRules, type Figure } from './figures';
import type { Vocabulary } from './vocabulary';
import type { IndexedStatistic, MatchIndex } from '../kb/match-index';
import type { PeriodKind } from '../kb/schema';
import type { StatReading } from './types';
import { byPeriod, isAfter } from '../kb/dates';
import { COUNT_NOUN_WINDOW_WORDS, STAT_APPROXIMATE_TOLERANCE, STAT_EXACT_TOLERANCE, STAT_MAGNITUDE_FACTOR, TARGET_WINDOW_WORDS } from '../constants';

/** "77.6 per cent in 2024": words that introduce the period a figure is for. */
const PERIOD_WORDS = ['in', 'for', 'during', 'of'];
/** "In January, it reached 90.9 per cent": words that refer back to the previous figure. */
const BACK_REFERENCES = ['it', 'this', 'that'];
/**
 * "against a national target of 90 per cent", "the goal is 100": a figure after one of these
 * nouns and one of the linking words is an aim, not a reading ("to target the 100 most
 * dangerous", the verb, is not).
 */
const TARGET_WORDS = ['target', 'targets', 'goal', 'goals', 'ambition'];
/** The words that end a force's name ("Greater Manchester Police", "Essex Police", "Kent Constabulary"). */
const FORCE_WORDS = ['police', 'constabulary'];
/** Words before "Police" that name the Met itself (or begin a sentence), not another force. */
const OWN_FORCE_WORDS = ['metropolitan', 'met', 'the', 'by', 'a'];
/** How far back, in words, a force's name still governs a figure. */
const ANOTHER_FORCE_WINDOW_WORDS = 8;
const TARGET_LINKS = ['of', 'is', 'was', 'remains'];
/**
 * "he also wants 1,600 more PCSOs", "its aim to answer 90%", "pledged 1,300 more officers", "an
 * estimated 1,000", "proposals to fund 500 new PCSOs": a wish, aim, pledge, plan, proposal, claim
 * or estimate is not a reading either.
 */
const WISH_WORDS = [
  'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'aim', 'aims', 'aiming', 'aimed', 'pledge', 'pledges', 'pledged',
  'promise', 'promises', 'promised', 'vow', 'vows', 'vowed', 'plans', 'planned', 'proposes', 'proposed', 'estimated',
  'estimate', 'estimates', 'claims', 'claimed', 'expects', 'expected', 'forecast', 'projected', 'proposal', 'proposals',
  // "will recruit 500", "could lose 2,300 officers": what may happen is not a reading either.
  'will', 'would', 'could', 'might',
];
/**
 * "rose by 9%", "cut by £200m", "a 12% increase", "a £200m cut": a change is not a level, so
 * it is no reading of a measure that counts the level.
 */
const CHANGE_NOUNS = [
  'increase', 'increases', 'rise', 'rises', 'fall', 'falls', 'drop', 'drops', 'cut', 'cuts', 'reduction', 'reductions',
  'decrease', 'decreases', 'improvement', 'jump', 'surge', 'savings',
];
/** How far back from "where" / "in which" the counted noun it qualifies may end. */
const RELATIVE_CLAUSE_REACH_WORDS = 4;
/** "graded inadequate in seven of those": a count that takes its noun from an earlier count. */
const PARTITIVE_WORDS = ['those', 'them', 'these'];
/** "assessed across nine areas": words that introduce a count as the base of a later part. */
const BASE_WORDS = ['across', 'among', 'from', 'of'];
/** Word bits (see StatisticMatcher.wordBits); NUMBER_WORD is also set for a sentence word made of digits. */
const CUE_START = 1;
const NUMBER_WORD = 2;
/** cueFit's "does not fit": a small integer rather than Infinity, which unoptimised code boxes. */
const NO_FIT = 0x3fffffff;

interface CompiledStat {
  stat: IndexedStatistic;
  /** Cue groups, each a list of phrases, each phrase a list of word ids. */
  cues: number[][][];
  /** Every word of every cue: a word the measure names itself cannot narrow or stage it. */
  cueWords: Set<number>;
}

/**
 * Whether a measure could be what a figure counts: counts and sums of money within a factor of
 * STAT_MAGNITUDE_FACTOR of some sourced value ("Ten officers will face hearings" is not the
 * 800 officers under review). Percentages are always plausible: any share can be reported.
 */
function plausible(stat: IndexedStatistic, f: Figure): boolean {
  if (f.unit === 'percent' || !stat.values.length) return true;
  return stat.values.some((v) => f.value * STAT_MAGNITUDE_FACTOR >= v.value && f.value <= v.value * STAT_MAGNITUDE_FACTOR);
}

function agrees(a: number, b: number, approximate: boolean): boolean {
  const tolerance = approximate ? STAT_APPROXIMATE_TOLERANCE : STAT_EXACT_TOLERANCE;
  return Math.abs(a - b) <= Math.max(Math.abs(b) * tolerance, 0.05);
}

/**
 * The sourced value a figure agrees with, of values in date order: the latest equal to it,
 * else the latest within tolerance ("11,178 staff" is December 2024's 11,178, not February
 * 2025's "11,200").
 */
function closestAgreeing<V extends { value: number }>(ordered: readonly V[], value: number, approximate: boolean): V | undefined {
  return ordered.findLast((v) => v.value === value) ?? ordered.findLast((v) => agrees(value, v.value, approximate));
}

/** The span a value's date stands for when the KB does not say (readers' own entries). */
function kindOf(v: { date: string; period?: PeriodKind }): PeriodKind {
  return v.period ?? (v.date.length === 4 ? 'calendar-year' : v.date.length === 7 ? 'month' : 'point');
}

/**
 * Compares a page figure with the measure's values. A difference is claimed only against a
 * value for the very period the page names, of the same kind: a year's figure with a calendar
 * year's value, a month's with that month's ("77.6 per cent in 2024" against 2024's 86.2). A
 * value for another kind of span in that period (six months of it, the 12 months to March, a
 * count at a date) is no measure of the page's year: the figure is tied to it only when they
 * agree. With no period named on the page, every value is a candidate for agreement and
 * nothing is said to differ.
 */
export function compareWithKb(stat: IndexedStatistic, value: number, approximate: boolean, period?: string, articleDate?: string): StatReading {
  const reading: StatReading = { value, approximate, differs: false, ...(period ? { period } : {}) };
  // A page cannot be checked against what was sourced after it was written.
  const values = articleDate ? stat.values.filter((v) => !isAfter(v.date, articleDate)) : stat.values;
  if (!period) {
    // With no period from the page's own words there is nothing to claim a difference with: the
    // figure may be for part of a year, another year or another population ("70 homicides
    // between January and September"). It is tied to the sourced value it agrees with, if any.
    const match = closestAgreeing(byPeriod(values), value, approximate);
    return match ? { ...reading, kbValue: { value: match.value, date: match.date } } : reading;
  }
  const pageKind: PeriodKind = period.length === 4 ? 'calendar-year' : 'month';
  const comparable = byPeriod(values.filter((v) => v.date === period && kindOf(v) === pageKind));
  const pool = comparable.length ? comparable : byPeriod(values.filter((v) => v.date.startsWith(period)));
  // The latest value that agrees: "around 34,000 officers" matches this year's figure, not 2010's.
  const match = closestAgreeing(pool, value, approximate);
  if (match) return { ...reading, kbValue: { value: match.value, date: match.date } };
  const latest = comparable.at(-1);
  return latest ? { ...reading, kbValue: { value: latest.value, date: latest.date }, differs: true } : reading;
}

/**
 * Compares a page figure with an entry's key figure: a stated fact (a plea, a report's count),
 * not a series. It is tied when it agrees, and said to differ only when the article is dated
 * and the key figure was sourced by then; otherwise, or when the page dates its figure before
 * the key figure's date, it is not tied at all (undefined).
 */
export function compareWithKeyFigure(
  stat: IndexedStatistic,
  value: number,
  approximate: boolean,
  articleDate?: string,
  period?: string,
): StatReading | undefined {
  const sourced = stat.values[0]!;
  // "In October 2022 the interim report made four recommendations": a time before the figure
  // was sourced is another moment of the story, not this figure.
  if (period && isAfter(sourced.date, period)) return undefined;
  const reading: StatReading = { value, approximate, differs: false, kbValue: sourced, figure: stat.keyFigure! };
  if (agrees(value, sourced.value, approximate)) return reading;
  if (!articleDate || isAfter(sourced.date, articleDate)) return undefined;
  return { ...reading, differs: true };
}

export interface StatMention {
  entity: number;
  start: number;
  end: number;
  reading: StatReading;
}

/** Whether entity (its position in the index) is named between two offsets of the text. */
export type NamedAt = (entity: number, from: number, to: number) => boolean;

export class StatisticMatcher {
  private readonly compiled: CompiledStat[];
  private readonly figures: FigureRules;
  private readonly period: Set<number>;
  private readonly targets: Set<number>;
  private readonly of: number;
  private readonly partitive: Set<number>;
  private readonly baseWords: Set<number>;
  private readonly targetLinks: Set<number>;
  private readonly wishes: Set<number>;
  private readonly forceWords: Set<number>;
  private readonly ownForce: Set<number>;
  /** Month number by word id. */
  private readonly months: Map<number, number>;
  private readonly backReferences: Set<number>;
  private readonly by: number;
  private readonly in: number;
  private readonly where: number;
  private readonly which: number;
  private readonly changeNouns: Set<number>;
  /** Each entity's key figures' values, by the entity's position in the index. */
  private readonly keyFigureValues = new Map<number, number[]>();
  /** Where the page names each entity, for key figures (set by `find`). */
  private namedAt: NamedAt = () => false;
  /** What a tied figure counts: a part, a sum, a stage or a span of years. */
  private readonly scope: FigureScope;
  /** Measures by the first word of each phrase in their first cue group. */
  private readonly byFirstCueWord = new Map<number, CompiledStat[]>();
  /**
   * The current sentence's words by id: `head[id]` is the first position of word `id` (valid
   * when `headStamp[id]` is the sentence's stamp), `nextSame[k]` the next position of the word
   * at k. Built once per sentence that holds a figure, so finding a cue phrase visits only the
   * places its first word occurs.
   */
  private head = new Int32Array(0);
  /** Bits for each word id: CUE_START (first word of a first-group cue), NUMBER_WORD ("seven"). */
  private wordBits = new Uint8Array(0);
  private headStamp = new Int32Array(0);
  private nextSame = new Int32Array(0);
  private stamp = 0;

  /** The date of the page being read, when it states one: nothing sourced later is compared with it. */
  private articleDate?: string;

  constructor(
    index: MatchIndex,
    private readonly vocabulary: Vocabulary,
  ) {
    this.compiled = index.stats.map((stat) => {
      const cues = stat.cues.map((group) => group.map((phrase) => patternIds(vocabulary, phrase)));
      return { stat, cues, cueWords: new Set(cues.flat(2)) };
    });
    for (const { stat } of this.compiled) {
      if (stat.keyFigure === undefined) continue;
      this.keyFigureValues.set(stat.entity, [...(this.keyFigureValues.get(stat.entity) ?? []), stat.values[0]!.value]);
    }
    for (const c of this.compiled) {
      for (const phrase of c.cues[0] ?? []) {
        const list = this.byFirstCueWord.get(phrase[0]!) ?? [];
        if (!list.includes(c)) list.push(c);
        this.byFirstCueWord.set(phrase[0]!, list);
      }
    }
    this.figures = new FigureRules(vocabulary);
    this.period = new Set(PERIOD_WORDS.map((w) => vocabulary.add(w)));
    this.targets = new Set(TARGET_WORDS.map((w) => vocabulary.add(w)));
    this.of = vocabulary.add('of');
    this.partitive = new Set(PARTITIVE_WORDS.map((w) => vocabulary.add(w)));
    this.baseWords = new Set(BASE_WORDS.map((w) => vocabulary.add(w)));
    this.targetLinks = new Set(TARGET_LINKS.map((w) => vocabulary.add(w)));
    this.wishes = new Set(WISH_WORDS.map((w) => vocabulary.add(w)));
    this.forceWords = new Set(FORCE_WORDS.map((w) => vocabulary.add(w)));
    this.ownForce = new Set(OWN_FORCE_WORDS.map((w) => vocabulary.add(w)));
    this.months = new Map(MONTHS.map((w, i) => [vocabulary.add(w), i + 1]));
    this.backReferences = new Set(BACK_REFERENCES.map((w) => vocabulary.add(w)));
    this.by = vocabulary.add('by');
    this.in = vocabulary.add('in');
    this.where = vocabulary.add('where');
    this.which = vocabulary.add('which');
    this.changeNouns = new Set(CHANGE_NOUNS.map((w) => vocabulary.add(w)));
    this.scope = new FigureScope(vocabulary, this.figures.numberWords());
  }

  /**
   * Figures in the tokenised text tied to measures. Only sentences that hold a number and
   * either name a measure's cue or follow a sentence whose figure was tied (for "it
   * reached..."), are read for figures: most sentences of a long page do not.
   */
  find(tokens: Tokens, namedAt: NamedAt = () => false, articleDate?: string): StatMention[] {
    this.namedAt = namedAt;
    this.articleDate = articleDate;
    const results: StatMention[] = [];
    if (!this.compiled.length) return results;
    if (this.head.length < this.vocabulary.size) {
      this.head = new Int32Array(this.vocabulary.size);
      this.headStamp = new Int32Array(this.vocabulary.size);
      this.wordBits = new Uint8Array(this.vocabulary.size);
      const bits = this.wordBits;
      for (const id of this.byFirstCueWord.keys()) bits[id] = bits[id]! | CUE_START;
      for (const id of this.figures.numberWords()) bits[id] = bits[id]! | NUMBER_WORD;
    }
    const wordBits = this.wordBits;
    if (this.nextSame.length < tokens.count) this.nextSame = new Int32Array(tokens.count);
    const { ids, sentence, starts, text } = tokens;
    /** The last figure tied to a measure, for "it reached 90.9 per cent" in the next sentence. */
    let previous: { c: CompiledStat; sentence: number; block: number } | undefined;
    for (let first = 0; first < tokens.count; ) {
      let last = first;
      let bits = 0;
      for (let k = first; k < tokens.count && sentence[k] === sentence[first]; k++) {
        last = k;
        const id = ids[k]!;
        if (id >= 0) bits |= wordBits[id]!;
        const c = text.charCodeAt(starts[k]!);
        if (c >= 48 && c <= 57) bits |= NUMBER_WORD;
      }
      // A sentence with no figure has nothing to tie, and one without a cue can only continue the last.
      const continues = previous !== undefined && previous.sentence === sentence[first]! - 1 && previous.block === tokens.block[first];
      if (bits & NUMBER_WORD && (bits & CUE_START || continues)) previous = this.readSentence(tokens, { first, last }, previous, results);
      first = last + 1;
    }
    return results;
  }

  /** Ties the figures of one sentence, returning the last tied one (or `previous`). */
  private readSentence(
    tokens: Tokens,
    sentence: Sentence,
    previous: { c: CompiledStat; sentence: number; block: number } | undefined,
    results: StatMention[],
  ): typeof previous {
    const figures = this.figures.find(tokens, sentence.first, sentence.last + 1);
    if (!figures.length) return previous;
    const candidates = this.indexSentence(tokens, sentence);
    // "52,820 thefts where a phone was taken, and 14,326 robberies; for 2024, 70,249 thefts…":
    // a relative clause on a counted noun narrows the sentence's list of counts to a part.
    if (this.narrowedByRelativeClause(tokens, sentence, candidates)) return previous;
    /** Each figure's measure and its place in `results`, for a later "N of those" to undo. */
    const tied: ({ c: CompiledStat; at: number } | undefined)[] = [];
    for (let i = 0; i < figures.length; i++) {
      const figure = figures[i]!;
      if (this.isTarget(tokens, figure, sentence) || this.isChange(tokens, figure) || this.aboutAnotherForce(tokens, figure, sentence)) continue;
      // "nine areas ... seven of those": the count's noun is the one after its antecedent.
      const antecedent = this.antecedentOf(tokens, figures, i);
      const nounFrom = antecedent >= 0 ? figures[antecedent]! : figure;
      const nextFigureStart = figures[(antecedent >= 0 ? antecedent : i) + 1]?.start ?? tokens.text.length;
      let best: CompiledStat | undefined;
      let bestScore = NO_FIT;
      for (let j = 0; j < candidates.length; j++) {
        const c = candidates[j]!;
        if (c.stat.unit !== figure.unit || !plausible(c.stat, figure)) continue;
        if (c.stat.keyFigure !== undefined && !this.ownerNamedNear(c.stat.entity, tokens, sentence)) continue;
        const score = this.cueFit(c, figure, tokens, sentence, nextFigureStart, nounFrom);
        if (score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
      best ??= this.continued(previous, figure, tokens, sentence);
      if (!best || !plausible(best.stat, figure)) continue;
      // A part of the measure's population, or a sum with another, is another measure.
      if (this.scope.narrowsOrAdds(tokens, figure, sentence, best.cues[0] ?? [], best.cueWords)) continue;
      // A whole and its part are not the same measure. The part takes it when its cues follow
      // the part ("1,000 officers, and 800 of those were under investigation") or the whole is
      // only the base ("across nine areas ... inadequate in seven of those"); otherwise the
      // whole keeps it ("800 officers were under investigation and 700 of them suspended").
      const whole = antecedent >= 0 ? tied[antecedent] : undefined;
      if (whole && whole.c === best) {
        const cuesFollow = this.cueFit(best, figure, tokens, sentence, nextFigureStart, nounFrom, true) < NO_FIT;
        if (!cuesFollow && !this.isBase(tokens, figures[antecedent]!, sentence)) continue;
        results.splice(whole.at, 1);
        for (const t of tied) if (t && t.at > whole.at) t.at--;
        tied[antecedent] = undefined;
      }
      // A total over several years ("since 2020", "over the past five years") is tied only
      // where a source gives that same figure; it has no one period to compare.
      const spansYears = this.scope.spansYears(tokens, figure, sentence);
      const reading =
        best.stat.keyFigure !== undefined
          ? compareWithKeyFigure(best.stat, figure.value, figure.approximate, this.articleDate, this.periodOf(tokens, figure, sentence, tied.slice(0, i).some(Boolean)))
          : spansYears
            ? compareWithKb(best.stat, figure.value, figure.approximate, undefined, this.articleDate)
            : compareWithKb(best.stat, figure.value, figure.approximate, this.periodOf(tokens, figure, sentence, tied.slice(0, i).some(Boolean)), this.articleDate);
      if (!reading || (spansYears && !reading.kbValue)) continue;
      if (reading.differs && best.stat.keyFigure !== undefined && this.anotherKeyFigureFits(best, figure, figures)) continue;
      tied[i] = { c: best, at: results.length };
      previous = { c: best, sentence: tokens.sentence[figure.first]!, block: tokens.block[figure.first]! };
      results.push({ entity: best.stat.entity, start: figure.start, end: figure.end, reading });
    }
    return previous;
  }

  /**
   * Indexes a sentence's words by id (see `head`) and returns the measures worth testing: those
   * with a first-group cue word in it (every group must match, so others cannot fit).
   */
  private indexSentence(tokens: Tokens, { first, last }: Sentence): CompiledStat[] {
    const stamp = ++this.stamp;
    const candidates: CompiledStat[] = [];
    for (let k = last; k >= first; k--) {
      const id = tokens.ids[k]!;
      if (id < 0) continue;
      if (this.headStamp[id] !== stamp) {
        this.headStamp[id] = stamp;
        this.head[id] = -1;
        // Only cue words have a list; the test spares a Map look-up for every other word.
        const measures = this.wordBits[id]! & CUE_START ? this.byFirstCueWord.get(id)! : undefined;
        if (measures) for (const c of measures) if (!candidates.includes(c)) candidates.push(c);
      }
      this.nextSame[k] = this.head[id]!;
      this.head[id] = k;
    }
    return candidates;
  }

  /**
   * How well a measure's cues fit a figure, or NO_FIT when they do not. Every cue group must occur
   * in the sentence outside the figure itself. For counts, the first group names the thing
   * counted and must follow the figure closely ("800 officers", "69,000 crimes") with no other
   * figure between, which keeps two counts in one sentence apart; a part ("seven of those")
   * takes the noun after `nounFrom`, its whole; `cuesAfter` counts only cues after the figure.
   * Lower scores fit better.
   */
  private cueFit(
    c: CompiledStat,
    f: Figure,
    tokens: Tokens,
    sentence: Sentence,
    nextFigureStart: number,
    nounFrom: Figure = f,
    cuesAfter = false,
  ): number {
    let score = 0;
    for (let groupIndex = 0; groupIndex < c.cues.length; groupIndex++) {
      let best = NO_FIT;
      const group = c.cues[groupIndex]!;
      for (let p = 0; p < group.length; p++) {
        const phrase = group[p]!;
        // Each place the phrase's first word occurs in the sentence (see indexSentence).
        if (this.headStamp[phrase[0]!] !== this.stamp) continue;
        for (let k = this.head[phrase[0]!]!; k >= 0; k = this.nextSame[k]!) {
          const kEnd = k + phrase.length - 1;
          if (kEnd > sentence.last) break;
          if (!phraseAt(tokens, phrase, k)) continue;
          if (k <= f.last && kEnd >= f.first) continue;
          const distance = k > f.last ? k - f.last : f.first - kEnd;
          if (f.unit === 'count' && groupIndex === 0) {
            if (k <= nounFrom.last || tokens.starts[k]! > nextFigureStart) continue;
            // "The 2021 report said officers…", "arrested in 2000, despite claims": a number
            // written as a year counts something only when its noun follows at once ("2000 officers").
            const window = isYear(tokens.text, nounFrom.start, nounFrom.end) ? 0 : COUNT_NOUN_WINDOW_WORDS;
            if (k - nounFrom.last - 1 > window) continue;
            best = Math.min(best, k - nounFrom.last);
            continue;
          }
          if (cuesAfter && k <= f.last) continue;
          if (this.scope.stagedAt(tokens, k, sentence, c.cueWords)) continue;
          best = Math.min(best, distance);
        }
      }
      if (best === NO_FIT) return NO_FIT;
      score += best;
    }
    return score;
  }

  /**
   * The period a figure is for: named after it in the same clause ("77.6 per cent in 2024", "94
   * per cent in February 2024"), else by a period phrase opening the sentence ("In September
   * 2022, only 63.9 per cent...") when no reading comes before it there ("…63.9 per cent, but
   * this rose to 94 per cent": the second is for another time).
   */
  private periodOf(tokens: Tokens, f: Figure, sentence: Sentence, afterAnotherFigure: boolean): string | undefined {
    for (let k = f.last + 1; k < sentence.last; k++) {
      if (clauseEndsBefore(tokens, k)) break;
      if (this.period.has(tokens.ids[k]!)) {
        const period = this.periodAt(tokens, k + 1, sentence.last);
        if (period) return period;
      }
    }
    if (!afterAnotherFigure && sentence.first < f.first && this.period.has(tokens.ids[sentence.first]!)) return this.periodAt(tokens, sentence.first + 1, f.first - 1);
    return undefined;
  }

  /**
   * The period at word k, within words up to `last`: a year ("2024"), or a month and year
   * ("February 2024", read as "2024-02", which is compared only with figures for that month).
   */
  private periodAt(tokens: Tokens, k: number, last: number): string | undefined {
    const { text, starts, ends } = tokens;
    const month = k <= last ? this.months.get(tokens.ids[k]!) : undefined;
    if (month) k++;
    if (k > last || !isYear(text, starts[k]!, ends[k]!)) return undefined;
    const year = text.slice(starts[k]!, ends[k]!);
    return month ? `${year}-${String(month).padStart(2, '0')}` : year;
  }

  /**
   * Before saying a page's figure differs from a key figure: whether the page's figure is
   * another sourced figure of the same entry ("£260m" after the "£450m" gap it replaced), or the
   * key figure itself stands elsewhere in the sentence ("the gap fell from £450m to £260m").
   * Either way the two numbers are two facts, not one fact got wrong.
   */
  private anotherKeyFigureFits(c: CompiledStat, f: Figure, figures: readonly Figure[]): boolean {
    const own = c.stat.values[0]!.value;
    if (figures.some((other) => other !== f && other.unit === f.unit && agrees(other.value, own, other.approximate))) return true;
    return this.keyFigureValues.get(c.stat.entity)!.some((v) => v !== own && agrees(f.value, v, f.approximate));
  }

  /**
   * Whether a key figure's entry is named in the figure's sentence or the one before it in the
   * same block ("Carrick was jailed on Tuesday. He had admitted 49 offences.").
   */
  private ownerNamedNear(entity: number, tokens: Tokens, sentence: Sentence): boolean {
    let first = sentence.first;
    const before = first - 1;
    if (before >= 0 && tokens.block[before] === tokens.block[first]) {
      first = before;
      while (first > 0 && tokens.sentence[first - 1] === tokens.sentence[before]) first--;
    }
    return this.namedAt(entity, tokens.starts[first]!, tokens.ends[sentence.last]!);
  }

  /**
   * Whether a counted noun in the sentence is followed by "where" or "in which" ("thefts where
   * a phone was taken", "homicides in which a knife was used"): the counts are of a part.
   */
  private narrowedByRelativeClause(tokens: Tokens, { first, last }: Sentence, candidates: readonly CompiledStat[]): boolean {
    for (let k = first + 1; k <= last; k++) {
      const id = tokens.ids[k]!;
      const relative = id === this.where || (id === this.in && tokens.ids[k + 1] === this.which && k < last);
      if (!relative || clauseEndsBefore(tokens, k)) continue;
      // A counted noun (a measure's first cue) ends in the few words before it, in its clause:
      // "thefts from the person where", "homicides in London in which".
      for (let back = 1; back <= RELATIVE_CLAUSE_REACH_WORDS && k - back >= first; back++) {
        if (clauseEndsBefore(tokens, k - back + 1)) break;
        for (const c of candidates) {
          for (const phrase of c.cues[0] ?? []) if (phraseAt(tokens, phrase, k - back - phrase.length + 1)) return true;
        }
      }
    }
    return false;
  }

  /** "across nine areas": a count introduced as the base others are counted from. */
  private isBase(tokens: Tokens, f: Figure, sentence: Sentence): boolean {
    return f.first > sentence.first && this.baseWords.has(tokens.ids[f.first - 1]!);
  }

  /** For "seven of those", the nearest count before figure i in the sentence (its index), else -1. */
  private antecedentOf(tokens: Tokens, figures: readonly Figure[], i: number): number {
    const f = figures[i]!;
    if (f.unit !== 'count' || tokens.ids[f.last + 1] !== this.of || !this.partitive.has(tokens.ids[f.last + 2]!)) return -1;
    if (tokens.sentence[f.last + 2] !== tokens.sentence[f.last]) return -1;
    for (let j = i - 1; j >= 0; j--) if (figures[j]!.unit === 'count') return j;
    return -1;
  }

  /**
   * "followed by Greater Manchester Police, with 43 officers": a figure whose clause names
   * another force ("<Place> Police", "<Place> Constabulary") counts that force, not the Met.
   */
  private aboutAnotherForce(tokens: Tokens, f: Figure, sentence: Sentence): boolean {
    // The force may head the clause before ("…followed by Essex Police, with 43 officers"), no further.
    let breaks = 0;
    for (let k = f.first - 1; k > sentence.first && k >= f.first - ANOTHER_FORCE_WINDOW_WORDS; k--) {
      if (clauseEndsBefore(tokens, k + 1) && ++breaks > 1) return false;
      if (!this.forceWords.has(tokens.ids[k]!) || !isCapitalised(tokens, k)) continue;
      const place = k - 1;
      if (tokens.joinable[place] === 1 && isCapitalised(tokens, place) && !this.ownForce.has(tokens.ids[place]!)) return true;
    }
    return false;
  }

  /**
   * "by 9%", "9% increase", "£1 billion of real-terms cuts", "£200m in savings": the figure is a
   * change (see CHANGE_NOUNS), read in its own clause.
   */
  private isChange(tokens: Tokens, f: Figure): boolean {
    if (f.first > 0 && tokens.ids[f.first - 1] === this.by && !clauseEndsBefore(tokens, f.first)) return true;
    const next = f.last + 1;
    if (next >= tokens.count || clauseEndsBefore(tokens, next)) return false;
    if (this.changeNouns.has(tokens.ids[next]!)) return true;
    if (tokens.ids[next] !== this.of && tokens.ids[next] !== this.in) return false;
    // "of real-terms cuts": the change noun after at most two words that qualify it.
    for (let k = next + 1; k <= next + 3 && k < tokens.count && !clauseEndsBefore(tokens, k); k++) {
      if (this.changeNouns.has(tokens.ids[k]!)) return true;
    }
    return false;
  }

  /**
   * "a national target of 90 per cent", "wants 1,600 more": a target noun with its link, or a
   * wish, in the few words before the figure, in its clause.
   */
  private isTarget(tokens: Tokens, f: Figure, sentence: Sentence): boolean {
    for (let k = f.first - 1; k >= sentence.first && k >= f.first - TARGET_WINDOW_WORDS; k--) {
      if (clauseEndsBefore(tokens, k + 1)) return false;
      const id = tokens.ids[k]!;
      if (this.wishes.has(id) || (this.targets.has(id) && this.targetLinks.has(tokens.ids[k + 1]!))) return true;
    }
    return false;
  }

  /**
   * A figure with no cues of its own continues the measure of the sentence just before when
   * the two sentences are adjacent in one block, the units agree and this one refers back
   * with a pronoun ("...answered within 10 seconds. In January, it reached 90.9 per cent.").
   */
  private continued(
    previous: { c: CompiledStat; sentence: number; block: number } | undefined,
    f: Figure,
    tokens: Tokens,
    sentence: Sentence,
  ): CompiledStat | undefined {
    if (!previous || previous.c.stat.unit !== f.unit || previous.c.stat.keyFigure !== undefined) return undefined;
    if (tokens.sentence[f.first] !== previous.sentence + 1 || tokens.block[f.first] !== previous.block) return undefined;
    for (let k = sentence.first; k < f.first; k++) if (this.backReferences.has(tokens.ids[k]!)) return previous.c;
    return undefined;
  }
}
