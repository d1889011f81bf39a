/**
 * Finds figures in tokenised text: percentages ("86.2 per cent", "90.9%"), sums of money
 * ("£366 million", "£1.2bn"), and counts ("800", "1,000", "seven out of eight", "100+"),
 * noting "more than", "around" and the like as approximate.
 */
import { patternIds, type Tokens } from './tokens';
import type { Vocabulary } from './vocabulary';
import type { IndexedStatistic } from '../kb/match-index';

export interface Figure {
  unit: IndexedStatistic['unit'];
  value: number;
  approximate: boolean;
  /** Offsets of the figure in the text (from "£" to the multiplier, or the number to "per cent"). */
  start: number;
  end: number;
  /** First and last word index of the figure. */
  first: number;
  last: number;
}

/** Counts written as words. "one" is left out: it is far more often a pronoun than a count. */
const WORD_NUMBERS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, mn: 1e6, bn: 1e9, billion: 1e9 };
/** Words before a figure that make it approximate ("more than 100", "around 300"). */
const APPROX_ONE = ['over', 'around', 'about', 'almost', 'nearly', 'some', 'roughly', 'approximately'];
const APPROX_TWO = ['more than', 'up to', 'at least', 'fewer than', 'less than'];

// Sticky patterns, applied only where a word starts with a digit: far cheaper than running
// one large pattern over the whole page.
const PERCENT_AFTER = /\s?(?:%|per\s?cent\b|percent\b)/iy;
const MULTIPLIER_AFTER = /\s?(bn|billion|million|mn|m|k|thousand)\b/iy;
/** "seven out of eight areas": the total belongs to the figure; the count is the first number. */
const TOTAL_AFTER = new RegExp(String.raw`\s(?:out\s)?of\s(?:\d[\d,]*|${Object.keys(WORD_NUMBERS).join('|')})\b`, 'iy');
/** "one in five officers": a ratio, read as the share it states (20 per cent). */
const RATIO_AFTER = new RegExp(String.raw`\s+in\s+(\d+|${Object.keys(WORD_NUMBERS).join('|')})\b`, 'iy');
/** "48-year-old", "24/7": a number joined to a word is not a count a measure tracks. */
const JOINED_AFTER = /[-\u2010-\u2015/]\p{L}/uy;
const LETTER_OR_POINT = /[\p{L}.,]/u;

const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** Could this code be white space (a cheap superset of `\s`, to skip regular expressions that need one)? */
const maybeSpace = (c: number) => c <= 32 || c === 0xa0 || c >= 0x1680;
/** The code of `text[at]` lower-cased for ASCII letters. */
const lowerAt = (text: string, at: number) => text.charCodeAt(at) | 32;

/**
 * The end of the number at `start` and whether it has thousands separators: what
 * `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?` matches there, read without a regular expression
 * (this runs for every number on the page).
 */
function readNumber(text: string, start: number): { end: number; grouped: boolean } {
  let end = start;
  while (isDigitCode(text.charCodeAt(end))) end++;
  let grouped = false;
  if (end - start <= 3) {
    while (text.charCodeAt(end) === 44 && isDigitCode(text.charCodeAt(end + 1)) && isDigitCode(text.charCodeAt(end + 2)) && isDigitCode(text.charCodeAt(end + 3))) {
      end += 4;
      grouped = true;
    }
  }
  if (text.charCodeAt(end) === 46 && isDigitCode(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigitCode(text.charCodeAt(end))) end++;
  }
  return { end, grouped };
}

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** "%", "per cent" or "percent" could start at `at`, perhaps after one space. */
function mayBePercent(text: string, at: number): boolean {
  const c = text.charCodeAt(maybeSpace(text.charCodeAt(at)) ? at + 1 : at);
  return c === 37 || (c | 32) === 112; /* % or p */
}

/** The words figure reading depends on, as vocabulary ids. */
export class FigureRules {
  /** The value of each number word by vocabulary id (0: not one), read for every word of a cued sentence. */
  private readonly numbers: Int32Array;
  private readonly approxOne = new Set<number>();
  private readonly approxTwo = new Set<string>();
  /** "one" counts only as the start of a ratio ("one in five"). */
  private readonly one: number;

  constructor(vocabulary: Vocabulary) {
    const entries = Object.entries(WORD_NUMBERS).map(([word, value]) => [vocabulary.add(word), value] as const);
    this.one = vocabulary.add('one');
    this.numbers = new Int32Array(vocabulary.size);
    for (const [id, value] of entries) this.numbers[id] = value;
    this.numbers[this.one] = 1;
    for (const word of APPROX_ONE) this.approxOne.add(vocabulary.add(word));
    for (const pair of APPROX_TWO) this.approxTwo.add(patternIds(vocabulary, pair).join(' '));
  }

  /** The ids of number words ("one" included): with a word made of digits, what a figure starts with. */
  numberWords(): number[] {
    const ids: number[] = [];
    this.numbers.forEach((value, id) => value && ids.push(id));
    return ids;
  }

  private isApproximate(tokens: Tokens, k: number): boolean {
    const prev = tokens.ids[k - 1];
    if (prev === undefined || prev < 0 || !tokens.joinable[k - 1]) return false;
    if (this.approxOne.has(prev)) return true;
    return k >= 2 && tokens.joinable[k - 2] === 1 && this.approxTwo.has(`${tokens.ids[k - 2]} ${prev}`);
  }

  /** Every figure starting among words [from, to) of the tokenised text, in order. */
  find(tokens: Tokens, from = 0, to = tokens.count): Figure[] {
    const { text, ids, starts } = tokens;
    const figures: Figure[] = [];
    const push = (figure: Omit<Figure, 'first' | 'last'>, k: number) => {
      let last = k;
      while (last + 1 < tokens.count && starts[last + 1]! < figure.end) last++;
      figures.push({ ...figure, first: k, last });
    };
    let consumed = -1;
    for (let k = from; k < to; k++) {
      const start = starts[k]!;
      if (start < consumed) continue;
      const firstCode = text.charCodeAt(start);
      const isDigit = firstCode >= 48 && firstCode <= 57;
      const id = ids[k]!;
      let value = isDigit || id < 0 || id >= this.numbers.length ? 0 : this.numbers[id]!;
      if (!isDigit && value === 0) continue;
      let end = tokens.ends[k]!;
      if (isDigit) {
        // Digits inside a longer token ("A1", "v2", "3.4.1") are not figures.
        const before = text.charCodeAt(start - 1);
        if (before === 46 || before === 44 || (before > 64 && LETTER_OR_POINT.test(text[start - 1]!))) continue;
        const number = readNumber(text, start);
        end = number.end;
        value = Number(number.grouped ? text.slice(start, end).replace(/,/g, '') : text.slice(start, end));
      }
      const approximate = this.isApproximate(tokens, k);
      // Each pattern below runs only where its first characters could start it.
      let afterSpace = end;
      while (maybeSpace(text.charCodeAt(afterSpace))) afterSpace++;
      const ratio = afterSpace > end && lowerAt(text, afterSpace) === 105 /* i */ ? stickyMatch(RATIO_AFTER, text, end) : null;
      if (ratio) {
        const of = /^\d/.test(ratio[1]!) ? Number(ratio[1]) : WORD_NUMBERS[ratio[1]!.toLowerCase()]!;
        // "two in 2024" names a year, not a ratio.
        const isYear = /^(19|20)\d\d$/.test(ratio[1]!);
        if (of > value && !isYear) {
          end += ratio[0].length;
          push({ unit: 'percent', value: Math.round((value / of) * 1000) / 10, approximate: true, start, end }, k);
          consumed = end;
          continue;
        }
      }
      if (ids[k] === this.one) continue;
      const pound = text[start - 1] === '£' ? start - 1 : text[start - 2] === '£' && text[start - 1] === ' ' ? start - 2 : -1;
      if (isDigit && pound >= 0) {
        const mult = stickyMatch(MULTIPLIER_AFTER, text, end);
        if (mult) end += mult[0].length;
        const factor = mult ? MULTIPLIERS[mult[1]!.toLowerCase()]! : 1;
        push({ unit: 'gbp', value: Math.round(value * factor), approximate, start: pound, end }, k);
      } else if (isDigit && mayBePercent(text, end) && stickyMatch(PERCENT_AFTER, text, end)) {
        end = PERCENT_AFTER.lastIndex;
        push({ unit: 'percent', value, approximate, start, end }, k);
      } else {
        const next = text.charCodeAt(end);
        if ((next === 45 || next === 47 || (next >= 0x2010 && next <= 0x2015)) && stickyMatch(JOINED_AFTER, text, end)) continue;
        const plus = next === 43;
        if (plus) end++;
        const total = maybeSpace(text.charCodeAt(end)) && lowerAt(text, end + 1) === 111 /* o */ ? stickyMatch(TOTAL_AFTER, text, end) : null;
        if (total) end += total[0].length;
        push({ unit: 'count', value, approximate: approximate || plus, start, end }, k);
      }
      consumed = end;
    }
    return figures;
  }
}
