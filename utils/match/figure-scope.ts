/**
 * What a tied figure counts, read from the words around it: a part of the measure's
 * population ("67 knife-related homicides"), a sum of two workforces ("officers and staff"),
 * an earlier stage of a process ("referred for dismissal") or a span of several years ("since
 * 2020"). A figure that counts something else is not the measure's reading.
 */
import { clauseEndsBefore, isCapitalised, isYear, MONTHS, patternIds, phraseAt, type Sentence, type Tokens } from './tokens';
import type { Figure } from './figures';
import type { Vocabulary } from './vocabulary';
import { LONDON_PARTS } from './london';

/**
 * Words that narrow what a figure counts to a part of the measure's population: "67
 * knife-related homicides", "stop and searches of black people", "teenage victims". A measure
 * whose own cues use the word (the knife-crime measure's "knife") is not narrowed by it.
 */
const PART_WORDS = [
  'knife', 'knives', 'gun', 'guns', 'firearm', 'firearms', 'shooting', 'shootings', 'stabbing', 'stabbings', 'fatal',
  'teenage', 'teenager', 'teenagers', 'teen', 'teens', 'child', 'children', 'young', 'youth', 'youths', 'juvenile',
  'female', 'male', 'women', 'woman', 'girls', 'boys', 'black', 'white', 'asian', 'ethnic', 'minority',
  'domestic', 'sexual', 'racist', 'racial', 'hate', 'gang', 'drug', 'drugs',
];
/**
 * "eight other charges", "the remaining four charges", "1,000 more officers", "a further 10
 * counts": another set than the one a measure counts (a later case's new charges, a change
 * rather than a total), unless the measure's own cues name it ("additional staff").
 */
const ANOTHER_SET_WORDS = ['other', 'another', 'new', 'further', 'fresh', 'additional', 'extra', 'more', 'remaining'];
/** How many words before a figure "the remaining", "a further" may stand. */
const ANOTHER_SET_BEFORE_WORDS = 2;
/** How many words after a figure may still describe what it counts ("per cent of young black men"). */
const NOUN_PHRASE_WORDS = 4;
/** "homicides of teenagers", "searches in Lambeth": words that attach a part to the counted noun. */
const PART_LINKS = ['of', 'among', 'involving', 'on', 'against', 'in', 'at', 'aged'];
/** "officers and staff", "officers plus PCSOs": a second workforce added to the first is a sum. */
const SUM_LINKS = ['and', 'plus', 'or'];
const SUM_NOUNS = ['staff', 'officers', 'officer', 'pcsos', 'specials', 'volunteers', 'civilians', 'employees', 'contractors', 'workers'];
/**
 * "could be dismissed", "referred for dismissal", "faced dismissal", "should be answered": a
 * count at an earlier stage of a process, or what ought to happen, is not the outcome a
 * measure counts. Read in the few words before the outcome's cue.
 */
const STAGE_WORDS = [
  'could', 'may', 'might', 'would', 'will', 'should', 'face', 'faces', 'facing', 'faced', 'risk', 'referred', 'referral',
  'referrals', 'recommended', 'pending', 'awaiting', 'potential', 'potentially', 'possible', 'possibly', 'threatened',
];
const STAGE_WINDOW_WORDS = 3;
/** "in total", "altogether": a figure summed over a span, not one period's reading. */
const TOTAL_WORDS = ['altogether', 'combined', 'cumulative', 'cumulatively', 'total'];
/** "over the past five years", "in the last 10 years": a span of several years. */
const SPAN_STARTS = ['over', 'in', 'during', 'across', 'within'];
const SPAN_RECENT = ['past', 'last', 'previous'];
const YEARS = ['years', 'decades', 'decade'];

export class FigureScope {
  private readonly partWords: Set<number>;
  private readonly partLinks: Set<number>;
  private readonly anotherSet: Set<number>;
  private readonly than: number;
  /** London's parts as phrases, by their first word. */
  private readonly places = new Map<number, number[][]>();
  private readonly sumLinks: Set<number>;
  private readonly sumNouns: Set<number>;
  private readonly stages: Set<number>;
  private readonly totals: Set<number>;
  private readonly spanStarts: Set<number>;
  private readonly spanRecent: Set<number>;
  private readonly years: Set<number>;
  private readonly months: Set<number>;
  private readonly numberWords: Set<number>;
  private readonly since: number;
  private readonly between: number;
  private readonly and: number;
  private readonly from: number;
  private readonly to: Set<number>;
  private readonly the: number;
  private readonly total: number;
  private readonly in: number;

  /** `numberWords`: ids of counts written as words ("five"), for "over the past five years". */
  constructor(vocabulary: Vocabulary, numberWords: readonly number[]) {
    const ids = (words: readonly string[]) => new Set(words.map((w) => vocabulary.add(w)));
    this.partWords = ids(PART_WORDS);
    this.partLinks = ids(PART_LINKS);
    this.anotherSet = ids(ANOTHER_SET_WORDS);
    this.than = vocabulary.add('than');
    for (const place of LONDON_PARTS) {
      const phrase = patternIds(vocabulary, place);
      this.places.set(phrase[0]!, [...(this.places.get(phrase[0]!) ?? []), phrase]);
    }
    this.sumLinks = ids(SUM_LINKS);
    this.sumNouns = ids(SUM_NOUNS);
    this.stages = ids(STAGE_WORDS);
    this.totals = ids(TOTAL_WORDS);
    this.spanStarts = ids(SPAN_STARTS);
    this.spanRecent = ids(SPAN_RECENT);
    this.years = ids(YEARS);
    this.months = ids(MONTHS);
    this.numberWords = new Set(numberWords);
    this.since = vocabulary.add('since');
    this.between = vocabulary.add('between');
    this.and = vocabulary.add('and');
    this.from = vocabulary.add('from');
    this.to = ids(['to', 'until', 'till']);
    this.the = vocabulary.add('the');
    this.total = vocabulary.add('total');
    this.in = vocabulary.add('in');
  }

  /**
   * Whether what a figure counts is narrowed to a part ("67 knife-related homicides", "stop and
   * searches of black people", "homicides in Lambeth"), is another set ("eight other charges",
   * "the remaining four") or is summed with another workforce ("800 officers and staff") in the
   * words that describe it: those right after the figure, up to and just after the measure's
   * noun, and "the remaining" or "a further" just before it.
   */
  narrowsOrAdds(tokens: Tokens, f: Figure, sentence: Sentence, nouns: readonly (readonly number[])[], cueWords: ReadonlySet<number>): boolean {
    for (let k = f.first - 1; k >= sentence.first && k >= f.first - ANOTHER_SET_BEFORE_WORDS; k--) {
      if (clauseEndsBefore(tokens, k + 1)) break;
      // "more than 43,000" is the figure's own approximation, not another set.
      if (tokens.ids[k + 1] === this.than) continue;
      if (this.anotherSet.has(tokens.ids[k]!) && !cueWords.has(tokens.ids[k]!)) return true;
    }
    const last = Math.min(sentence.last, f.last + NOUN_PHRASE_WORDS);
    for (let k = f.last + 1; k <= last; k++) {
      if (clauseEndsBefore(tokens, k)) return false;
      if (this.isPart(tokens, k, cueWords)) return true;
      const nounEnd = this.longestPhraseEnd(tokens, nouns, k);
      if (nounEnd < 0) continue;
      const link = tokens.ids[nounEnd + 1]!;
      if (nounEnd + 1 > sentence.last || clauseEndsBefore(tokens, nounEnd + 1)) return false;
      if (this.sumLinks.has(link) && this.sumNouns.has(tokens.ids[nounEnd + 2]!) && !cueWords.has(tokens.ids[nounEnd + 2]!)) {
        return nounEnd + 2 <= sentence.last;
      }
      if (!this.partLinks.has(link)) return false;
      for (let j = nounEnd + 2; j <= Math.min(sentence.last, nounEnd + 3); j++) {
        if (clauseEndsBefore(tokens, j)) break;
        if (this.isPart(tokens, j, cueWords)) return true;
      }
      return false;
    }
    return false;
  }

  /** Whether word k narrows a population: a part word the measure does not name, or a part of London. */
  private isPart(tokens: Tokens, k: number, cueWords: ReadonlySet<number>): boolean {
    const id = tokens.ids[k]!;
    if ((this.partWords.has(id) || this.anotherSet.has(id)) && !cueWords.has(id)) return true;
    for (const place of this.places.get(id) ?? []) if (phraseAt(tokens, place, k) && isCapitalised(tokens, k)) return true;
    return false;
  }

  /** The last word of the longest of `phrases` starting at word k, or -1. */
  private longestPhraseEnd(tokens: Tokens, phrases: readonly (readonly number[])[], k: number): number {
    let end = -1;
    for (const phrase of phrases) {
      if (phraseAt(tokens, phrase, k)) end = Math.max(end, k + phrase.length - 1);
    }
    return end;
  }

  /** Whether a stage or modal word the measure does not name stands in the few words before cue word k. */
  stagedAt(tokens: Tokens, k: number, sentence: Sentence, cueWords: ReadonlySet<number>): boolean {
    for (let j = k - 1; j >= sentence.first && j >= k - STAGE_WINDOW_WORDS; j--) {
      if (clauseEndsBefore(tokens, j + 1)) return false;
      const id = tokens.ids[j]!;
      // "May" with a capital is the month ("In May, 20 officers were dismissed").
      if (this.stages.has(id) && !cueWords.has(id) && !(isCapitalised(tokens, j) && this.months.has(id))) return true;
    }
    return false;
  }

  /**
   * Whether the figure's clause sums several years: "since 2020", "between 2018 and 2023",
   * "from 2019 to 2024", "over the past five years", "in total", "altogether".
   */
  spansYears(tokens: Tokens, f: Figure, sentence: Sentence): boolean {
    let first = f.first;
    while (first > sentence.first && !clauseEndsBefore(tokens, first)) first--;
    let last = f.last;
    while (last < sentence.last && !clauseEndsBefore(tokens, last + 1)) last++;
    const { ids } = tokens;
    const yearAt = (k: number) => k <= last && isYear(tokens.text, tokens.starts[k]!, tokens.ends[k]!);
    // "2018", or "March 2018"
    const periodEnd = (k: number) => (yearAt(k) ? k : this.months.has(ids[k]!) && yearAt(k + 1) ? k + 1 : -1);
    for (let k = first; k <= last; k++) {
      if (k >= f.first && k <= f.last) continue;
      const id = ids[k]!;
      if (this.totals.has(id) && (id !== this.total || ids[k - 1] === this.in)) return true;
      if (id === this.since && periodEnd(k + 1) >= 0) return true;
      if (id === this.between || id === this.from) {
        const end = periodEnd(k + 1);
        if (end >= 0 && (ids[end + 1] === this.and || this.to.has(ids[end + 1]!)) && periodEnd(end + 2) >= 0) return true;
      }
      if (this.spanStarts.has(id)) {
        let j = k + 1;
        if (ids[j] === this.the) j++;
        if (!this.spanRecent.has(ids[j]!)) continue;
        j++;
        const count = tokens.text.charCodeAt(tokens.starts[j]!);
        if ((count >= 48 && count <= 57) || this.numberWords.has(ids[j]!)) j++;
        if (j <= last && this.years.has(ids[j]!)) return true;
      }
    }
    return false;
  }
}
