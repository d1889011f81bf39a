/**
 * Splits text into words with their offsets and records what lies between neighbouring words:
 * whether a name may continue across the gap (white space of any kind, line breaks, hyphens
 * and dashes, apostrophes, "&"), and where sentences and blocks end. Typography never hides a
 * mention because it only ever appears in the gaps. Each word is identified by its id in the
 * engine's vocabulary (-1 for words no rule mentions), so comparing words is comparing numbers.
 */
import { CHECK_START, FOLD_TABLE, TABLE_END, checkStep, fold, hashStep, HASH_START, INVISIBLE, NOT_WORD, type Vocabulary } from './vocabulary';
import { BLOCK_BREAK } from './types';

/** A gap character a multi-word name may continue across: "Sir\u00A0Mark", "Hogan-Howe", "Mayor’s Office". */
const JOINABLE_CHAR = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000'\u2018\u2019\u201B`\-\u2010-\u2015\u2212&]/;
/** A sentence ends where a full stop, "?" or "!" (perhaps with closing quotes) meets white space. */
const SENTENCE_MARK = /[.!?]/;
const CLOSING_MARK = /["'\u2019\u201D)\]]/;
const SPACE = /\s/;
/** A word: letters, digits and combining marks, with the invisible characters that may sit inside. */
const WORDS = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+/gu;
const INVISIBLE_CHARS = /[\u00AD\u200B-\u200D\u2060]/g;

/** What a character between words says, as bits. */
const JOINS = 1;
const ENDS_SENTENCE = 2;
const CLOSES = 4;
const IS_SPACE = 8;
const BREAKS_BLOCK = 16;

function gapBitsUncached(c: number): number {
  const ch = String.fromCharCode(c);
  let bits = 0;
  if (ch === BLOCK_BREAK) bits |= BREAKS_BLOCK;
  else if (JOINABLE_CHAR.test(ch)) bits |= JOINS;
  if (SENTENCE_MARK.test(ch)) bits |= ENDS_SENTENCE;
  if (CLOSING_MARK.test(ch)) bits |= CLOSES;
  if (SPACE.test(ch)) bits |= IS_SPACE;
  return bits;
}
const GAP_TABLE_END = 0x2070;
const GAP_TABLE = new Uint8Array(GAP_TABLE_END);
for (let c = 0; c < 0x250; c++) GAP_TABLE[c] = gapBitsUncached(c);
for (let c = 0x2000; c < GAP_TABLE_END; c++) GAP_TABLE[c] = gapBitsUncached(c);
const gapBits = (c: number) => (c < 0x250 || (c >= 0x2000 && c < GAP_TABLE_END) ? GAP_TABLE[c]! : gapBitsUncached(c));

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

/**
 * Where a page's words are written: one set of arrays for all of a page's slices, so each
 * slice's Tokens are views into it and nothing is copied. It grows (by doubling) when a slice
 * could overflow it; views taken earlier keep the arrays they were taken from.
 */
export class WordStore {
  /** Words written so far. */
  count = 0;
  starts!: Int32Array<ArrayBuffer>;
  ends!: Int32Array<ArrayBuffer>;
  ids!: Int32Array<ArrayBuffer>;
  joinable!: Uint8Array<ArrayBuffer>;
  sentence!: Int32Array<ArrayBuffer>;
  block!: Int32Array<ArrayBuffer>;

  constructor(private capacity: number) {
    this.allocate(capacity);
  }

  /** Makes room for `words` more words. */
  reserve(words: number): void {
    if (this.count + words <= this.capacity) return;
    const { starts, ends, ids, joinable, sentence, block, count } = this;
    this.allocate(Math.max(this.capacity * 2, count + words));
    this.starts.set(starts.subarray(0, count));
    this.ends.set(ends.subarray(0, count));
    this.ids.set(ids.subarray(0, count));
    this.joinable.set(joinable.subarray(0, count));
    this.sentence.set(sentence.subarray(0, count));
    this.block.set(block.subarray(0, count));
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.joinable = new Uint8Array(capacity);
    this.sentence = new Int32Array(capacity);
    this.block = new Int32Array(capacity);
  }
}

/**
 * The distinct KB words a page holds: a flag per vocabulary id, and the ids in the order they
 * were first read. The name matcher starts from the ids, so its per-page work follows the
 * page's words rather than the size of the KB.
 */
export class SeenWords {
  readonly flags: Uint8Array;
  readonly ids: number[] = [];

  constructor(vocabularySize: number) {
    this.flags = new Uint8Array(vocabularySize);
  }

  has(id: number): boolean {
    return this.flags[id] === 1;
  }
}

/** The most words `length` characters can hold: a word takes at least one character, and so does the gap after it. */
const mostWords = (length: number) => ((length + 1) >> 1) + 1;

/**
 * Tokenises `text` from `from` to `to` (defaults: all of it). Offsets are into `text`, so a
 * long page can be tokenised slice by slice, each slice's words added to the same `store`.
 * Each vocabulary word read is added to `seen` (the page matcher builds its automaton from the
 * aliases whose words the page holds).
 */
export function tokenize(
  text: string,
  vocabulary: Vocabulary,
  from = 0,
  to = text.length,
  seen: SeenWords = new SeenWords(vocabulary.size),
  store: WordStore = new WordStore(mostWords(to - from)),
): Tokens {
  store.reserve(mostWords(to - from));
  const base = store.count;
  const end = scanWords(text, from, to, vocabulary, store, base, seen);
  store.count = end;
  // No name runs on from a slice's last word.
  if (end > base) store.joinable[end - 1] = 0;
  return {
    text,
    count: end - base,
    starts: store.starts.subarray(base, end),
    ends: store.ends.subarray(base, end),
    ids: store.ids.subarray(base, end),
    joinable: store.joinable.subarray(base, end),
    sentence: store.sentence.subarray(base, end),
    block: store.block.subarray(base, end),
  };
}

/**
 * The one pass over the characters, writing each word into `out` from index `base` on and
 * returning the index after the last word written: each word is folded and hashed as it is
 * read and looked up once, and each gap is judged as it is crossed (may a name run across it,
 * does a sentence or block end in it). It runs over
 * every character of the page, so it is plain loops over character codes (folded through
 * `fold`'s tables), and nothing after its loop but the return: the JavaScript engine optimises
 * it while the loop runs, and code after the loop that it had not yet seen run would make it
 * throw that work away at the end of every slice.
 */
function scanWords(text: string, from: number, to: number, vocabulary: Vocabulary, out: WordStore, base: number, seen: SeenWords): number {
  const { starts, ends, ids, joinable, sentence, block } = out;
  const { flags, ids: seenIds } = seen;
  let count = base;
  let s = 0;
  let b = 0;
  // What the gap since the last word held: JOINS while every character joins, plus
  // BREAKS_BLOCK, and ENDS_SENTENCE once a mark has met white space (closing quotes between).
  let gap = JOINS;
  let afterMark = false;
  let i = from;
  let c = i < to ? text.charCodeAt(i) : 0;
  let f = c < TABLE_END ? FOLD_TABLE[c]! : fold(c);
  while (i < to) {
    if (f === NOT_WORD) {
      const bits = gapBits(c);
      if ((bits & JOINS) === 0) gap &= ~JOINS;
      if (bits & BREAKS_BLOCK) gap |= BREAKS_BLOCK;
      if (bits & ENDS_SENTENCE) afterMark = true;
      else if (afterMark) {
        if (bits & IS_SPACE) gap |= ENDS_SENTENCE;
        else if ((bits & CLOSES) === 0) afterMark = false;
      }
      if (++i < to) {
        c = text.charCodeAt(i);
        f = c < TABLE_END ? FOLD_TABLE[c]! : fold(c);
      }
      continue;
    }
    const start = i;
    let hash = HASH_START;
    let check = CHECK_START;
    let length = 0;
    do {
      if (f !== INVISIBLE) {
        hash = hashStep(hash, f);
        check = checkStep(check, f);
        length++;
      }
      if (++i === to) break;
      c = text.charCodeAt(i);
      f = c < TABLE_END ? FOLD_TABLE[c]! : fold(c);
    } while (f !== NOT_WORD);
    if (count > base) {
      if (gap & BREAKS_BLOCK) {
        b++;
        s++;
      } else if (gap & ENDS_SENTENCE && !startsLower(text, start)) s++;
      joinable[count - 1] = gap === JOINS ? 1 : 0;
    }
    starts[count] = start;
    ends[count] = i;
    const id = length ? vocabulary.lookupHashed(hash, check, length) : -1;
    if (id >= 0 && flags[id] === 0) {
      flags[id] = 1;
      seenIds.push(id);
    }
    ids[count] = id;
    sentence[count] = s;
    block[count] = b;
    count++;
    gap = JOINS;
    afterMark = false;
  }
  return count;
}

/** "officers. who": a full stop before a lower-case word does not end the sentence. */
function startsLower(text: string, at: number): boolean {
  const ch = text[at]!;
  return ch !== ch.toUpperCase();
}

/** The words of a pattern (an alias, a cue), lower-cased and as written. */
export function patternWords(pattern: string): { lower: string[]; cased: string[] } {
  const cased = (pattern.match(WORDS) ?? []).map((w) => w.replace(INVISIBLE_CHARS, ''));
  return { lower: cased.map((w) => w.toLowerCase()), cased };
}

/** A pattern's words as vocabulary ids, adding them to the vocabulary. */
export function patternIds(vocabulary: Vocabulary, pattern: string): number[] {
  return patternWords(pattern).lower.map((w) => vocabulary.add(w));
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

/** Whether a phrase (vocabulary ids) occurs at word k, its words joined as a name's are. */
export function phraseAt(tokens: Tokens, phrase: readonly number[], k: number): boolean {
  if (k < 0 || k + phrase.length > tokens.count || !phrase.length) return false;
  if (tokens.ids[k] !== phrase[0]) return false;
  for (let j = 1; j < phrase.length; j++) {
    if (tokens.ids[k + j] !== phrase[j] || tokens.joinable[k + j - 1] !== 1) return false;
  }
  return true;
}

/** Start positions of a phrase (vocabulary ids) within words [first, last]. */
export function findWords(tokens: Tokens, phrase: readonly number[], first: number, last: number): number[] {
  const found: number[] = [];
  for (let k = first; k + phrase.length - 1 <= last; k++) if (phraseAt(tokens, phrase, k)) found.push(k);
  return found;
}

/** Whether a comma, semicolon or colon stands between word k - 1 and word k. */
export function clauseEndsBefore(tokens: Tokens, k: number): boolean {
  for (let i = tokens.ends[k - 1]!; i < tokens.starts[k]!; i++) {
    const c = tokens.text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58) return true;
  }
  return false;
}

/** Whether text[from, to) is a year from 1900 to 2099, read without copying it. */
export function isYear(text: string, from: number, to: number): boolean {
  if (to - from !== 4) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const century = text.slice(from, from + 2);
  return century === '19' || century === '20';
}

/** Whether word k starts with a capital letter (A–Z). */
export function isCapitalised(tokens: Tokens, k: number): boolean {
  const c = tokens.text.charCodeAt(tokens.starts[k]!);
  return c >= 65 && c <= 90;
}

/** "94 per cent in February 2024": a month may stand between the period word and the year. */
export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** A sentence's word range. */
export interface Sentence {
  first: number;
  last: number;
}
