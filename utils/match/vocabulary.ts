/**
 * The words the engine cares about (every word of every alias, cue and rule), each with a
 * small integer id. Page text is looked up here as it is scanned, by a hash of the word's
 * folded characters, so a page's words never become strings: most words are in no alias and
 * are dismissed without allocating anything.
 */

/** A word character that renders as nothing (soft hyphen, zero-width joiners): part of a word, never compared. */
export const INVISIBLE = 0xffff;
/** Not a word character. */
export const NOT_WORD = 0;

const WORD_CHAR = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]/u;
const INVISIBLE_CHAR = /[\u00AD\u200B-\u200D\u2060]/;

function foldUncached(c: number): number {
  const ch = String.fromCharCode(c);
  if (!WORD_CHAR.test(ch)) return NOT_WORD;
  if (INVISIBLE_CHAR.test(ch)) return INVISIBLE;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * Folded codes for the ranges news text mostly uses (ASCII, Latin letters, General
 * Punctuation), looked up in a table: a Unicode-property regular expression per character is
 * many times slower on a page-sized text. Other characters are folded as they come.
 */
const TABLE_END = 0x250;
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x2070;
const FOLD_TABLE = new Uint16Array(TABLE_END);
const FOLD_PUNCTUATION = new Uint16Array(PUNCTUATION_END - PUNCTUATION_START);
for (let c = 0; c < TABLE_END; c++) FOLD_TABLE[c] = foldUncached(c);
for (let c = PUNCTUATION_START; c < PUNCTUATION_END; c++) FOLD_PUNCTUATION[c - PUNCTUATION_START] = foldUncached(c);

/**
 * What a UTF-16 code is to a word: NOT_WORD, INVISIBLE, or its lower-case code. Page words and
 * KB words go through this same function, so they agree on what a letter is.
 */
export function fold(c: number): number {
  if (c < TABLE_END) return FOLD_TABLE[c]!;
  if (c >= PUNCTUATION_START && c < PUNCTUATION_END) return FOLD_PUNCTUATION[c - PUNCTUATION_START]!;
  return foldUncached(c);
}

/** FNV-1a over folded codes, one step. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
export const HASH_START = FNV_OFFSET;
export function hashStep(h: number, folded: number): number {
  return Math.imul(h ^ folded, FNV_PRIME);
}

export class Vocabulary {
  /** Each word as added (lower case), by id. */
  readonly words: string[] = [];
  /** Each word's folded codes, invisible characters removed: what page words are compared with. */
  private folded: string[] = [];
  private hashes: number[] = [];
  /** Open-addressing table of ids + 1 (0 = empty), indexed by hash: cheaper than a Map per word. */
  private table = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.words.length;
  }

  private static foldWord(word: string): { folded: string; hash: number } {
    let h = HASH_START;
    const codes: number[] = [];
    for (let i = 0; i < word.length; i++) {
      const f = fold(word.charCodeAt(i));
      if (f === NOT_WORD || f === INVISIBLE) continue;
      codes.push(f);
      h = hashStep(h, f);
    }
    return { folded: String.fromCharCode(...codes), hash: h >>> 0 };
  }

  /** The id of a word, adding it if new. */
  add(word: string): number {
    const existing = this.find(word);
    if (existing >= 0) return existing;
    const id = this.words.length;
    const { folded, hash } = Vocabulary.foldWord(word);
    this.words.push(word);
    this.folded.push(folded);
    this.hashes.push(hash);
    // Keep the table at most half full so probes stay short.
    if (this.words.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    let slot = this.hashes[id]! & this.mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }

  /** The id of a word (compared folded), or -1. */
  find(word: string): number {
    const { folded, hash } = Vocabulary.foldWord(word);
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      if (this.folded[entry - 1] === folded) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /**
   * The id of the page word text[start, end), whose folded codes (invisible ones skipped) hash
   * to `hash` and number `length`, or -1. The caller hashes while scanning, so a word that is
   * not in the vocabulary costs one probe; a hit is confirmed character by character.
   */
  lookupHashed(text: string, start: number, end: number, hash: number, length: number): number {
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      const id = entry - 1;
      if (this.hashes[id] === hash && this.folded[id]!.length === length && this.same(this.folded[id]!, text, start, end)) return id;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** The id of the page word text[start, end), or -1. */
  lookup(text: string, start: number, end: number): number {
    let h = HASH_START;
    let length = 0;
    for (let i = start; i < end; i++) {
      const f = fold(text.charCodeAt(i));
      if (f === NOT_WORD || f === INVISIBLE) continue;
      h = hashStep(h, f);
      length++;
    }
    return this.lookupHashed(text, start, end, h >>> 0, length);
  }

  private same(folded: string, text: string, start: number, end: number): boolean {
    let j = 0;
    for (let i = start; i < end; i++) {
      const f = fold(text.charCodeAt(i));
      if (f === INVISIBLE) continue;
      if (f !== folded.charCodeAt(j++)) return false;
    }
    return true;
  }
}
