/**
 * Splits text into words with their offsets and records what lies between neighbouring words:
 * whether a name may continue across the gap (white space of any kind, line breaks, hyphens
 * and dashes, apostrophes, "&"), and where sentences and blocks end. Typography never hides a
 * mention because it only ever appears in the gaps. Each word is identified by its id in the
 * engine's vocabulary (-1 for words no rule mentions), so comparing words is comparing numbers.
 */
import { isInvisible, type Vocabulary } from './vocabulary';

/** Block boundaries in collected page text; a mention never spans one. The Unicode paragraph
 * separator is used because it does not occur in page text, where "\n" is just white space. */
export const BLOCK_BREAK = '\u2029';

/** A gap a multi-word name may continue across: "Sir\u00A0Mark", "Hogan-Howe", "Mayor’s Office". */
const JOINABLE_GAP = /^[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000'\u2018\u2019\u201B`\-\u2010-\u2015\u2212&]*$/;
/** A sentence ends where a full stop, "?" or "!" (perhaps with closing quotes) meets white space. */
const SENTENCE_END = /[.!?]["'\u2019\u201D)\]]*\s/;
/** A word: letters, digits and combining marks, with the invisible characters that may sit inside. */
const WORDS = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]/u;

/**
 * Word characters by code for the ranges news text mostly uses (ASCII, Latin letters and
 * General Punctuation), looked up in a table: a Unicode-property regular expression per
 * character is many times slower on a page-sized text. Other scripts use the expression.
 */
const TABLE_END = 0x250;
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x2070;
const WORD_TABLE = new Uint8Array(TABLE_END);
const PUNCTUATION_TABLE = new Uint8Array(PUNCTUATION_END - PUNCTUATION_START);
for (let c = 0; c < TABLE_END; c++) WORD_TABLE[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
for (let c = PUNCTUATION_START; c < PUNCTUATION_END; c++) {
  PUNCTUATION_TABLE[c - PUNCTUATION_START] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
}

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < TABLE_END) return WORD_TABLE[c] === 1;
  if (c >= PUNCTUATION_START && c < PUNCTUATION_END) return PUNCTUATION_TABLE[c - PUNCTUATION_START] === 1;
  return WORD_CHAR.test(text[i]!);
}
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;

export interface Tokens {
  /** The text the offsets refer to. */
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Vocabulary id of each word, -1 when no rule mentions it. */
  ids: Int32Array;
  /** `joinable[i]`: a name may run on from word i to word i + 1. */
  joinable: Uint8Array;
  sentence: Int32Array;
  block: Int32Array;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Tokenises `text` from `from` to `to` (defaults: all of it). Offsets are into `text`, so a
 * long page can be tokenised slice by slice.
 */
export function tokenize(text: string, vocabulary: Vocabulary, from = 0, to = text.length): Tokens {
  let starts = new Int32Array(Math.max(16, ((to - from) / 5) | 0));
  let ends = new Int32Array(starts.length);
  let ids = new Int32Array(starts.length);
  let count = 0;
  let i = from;
  while (i < to) {
    if (!isWordCode(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isWordCode(text, i)) i++;
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      ids = grow(ids);
    }
    starts[count] = start;
    ends[count] = i;
    ids[count] = vocabulary.lookup(text, start, i);
    count++;
  }
  const joinable = new Uint8Array(count);
  const sentence = new Int32Array(count);
  const block = new Int32Array(count);
  let s = 0;
  let b = 0;
  for (let k = 1; k < count; k++) {
    const gapStart = ends[k - 1]!;
    const gapEnd = starts[k]!;
    // Most gaps are one plain space: joinable, no sentence or block end.
    if (gapEnd - gapStart === 1 && text.charCodeAt(gapStart) === 32) {
      joinable[k - 1] = 1;
    } else {
      const gap = text.slice(gapStart, gapEnd);
      const brokenBlock = gap.includes(BLOCK_BREAK);
      if (brokenBlock) b++;
      if (brokenBlock || (SENTENCE_END.test(gap) && !startsLower(text, gapEnd))) s++;
      joinable[k - 1] = !brokenBlock && JOINABLE_GAP.test(gap) ? 1 : 0;
    }
    sentence[k] = s;
    block[k] = b;
  }
  return {
    text,
    count,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    ids: ids.subarray(0, count),
    joinable,
    sentence,
    block,
  };
}

/** "officers. who": a full stop before a lower-case word does not end the sentence. */
function startsLower(text: string, at: number): boolean {
  const ch = text[at]!;
  return ch !== ch.toUpperCase();
}

/** The words of a pattern (an alias, a cue), lower-cased and as written. */
export function patternWords(pattern: string): { lower: string[]; cased: string[] } {
  const cased = (pattern.match(WORDS) ?? []).map((w) => w.replace(INVISIBLE, ''));
  return { lower: cased.map((w) => w.toLowerCase()), cased };
}

/** A pattern's words as vocabulary ids, adding them to the vocabulary. */
export function patternIds(vocabulary: Vocabulary, pattern: string): number[] {
  return patternWords(pattern).lower.map((w) => vocabulary.add(w));
}

/** The word at index k, lower-cased (for the few rules that read digits or years). */
export function wordText(tokens: Tokens, k: number): string {
  return tokens.text.slice(tokens.starts[k]!, tokens.ends[k]!).toLowerCase();
}

/** First and last word index of the sentence containing word `k`. */
export function sentenceRange(tokens: Tokens, k: number): { first: number; last: number } {
  const s = tokens.sentence[k]!;
  let first = k;
  while (first > 0 && tokens.sentence[first - 1] === s) first--;
  let last = k;
  while (last < tokens.count - 1 && tokens.sentence[last + 1] === s) last++;
  return { first, last };
}

/** Index of the first word ending after `offset` (tokens.count if none). */
export function wordAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Start positions of a phrase (vocabulary ids) within words [first, last]. */
export function findWords(tokens: Tokens, phrase: readonly number[], first: number, last: number): number[] {
  const found: number[] = [];
  if (!phrase.length) return found;
  for (let k = first; k + phrase.length - 1 <= last; k++) {
    if (tokens.ids[k] !== phrase[0]) continue;
    let ok = true;
    for (let j = 1; j < phrase.length && ok; j++) ok = tokens.ids[k + j] === phrase[j] && tokens.joinable[k + j - 1] === 1;
    if (ok) found.push(k);
  }
  return found;
}

