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
export const TABLE_END = 0x250;
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x2070;
/** `fold` for codes below TABLE_END, read directly by the word scan (its hottest line). */
export const FOLD_TABLE = new Uint16Array(TABLE_END);
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

/**
 * Two independent hashes over folded codes (FNV-1a and a multiply-shift mix): a page word is
 * in the vocabulary when both hashes and its length agree, so it is never compared character
 * by character (two different words agreeing on all three: about one in 10^18 per lookup).
 *
 * Each step keeps its hash to 30 bits (HASH_MASK), so the value is always a small integer to
 * the JavaScript engine. A full 32-bit value is boxed into a heap number wherever the engine
 * has not yet optimised the code, which on a page's first scan is much of it: the word scan
 * of a 1 MB page ran about three times slower cold with 32-bit hashes. For FNV-1a the mask
 * changes nothing but the dropped top bits (the low bits of a product depend only on the low
 * bits of its factors); the second hash mixes its own top bits down before they are dropped.
 */
export const HASH_MASK = 0x3fffffff;
export const HASH_START = 0x811c9dc5 & HASH_MASK;
export const CHECK_START = 0x9e3779b9 & HASH_MASK;
export function hashStep(h: number, folded: number): number {
  return Math.imul(h ^ folded, 0x01000193) & HASH_MASK;
}
export function checkStep(g: number, folded: number): number {
  return (Math.imul(g + folded, 0x2c1b3c6d) ^ (g >>> 15)) & HASH_MASK;
}

export class Vocabulary {
  /** Each word as added (lower case), by id. */
  readonly words: string[] = [];
  private hashes = new Int32Array(64);
  private checks = new Int32Array(64);
  private lengths = new Int32Array(64);
  /** Open-addressing table of ids + 1 (0 = empty), indexed by hash: cheaper than a Map per word. */
  private table = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.words.length;
  }

  private static hashWord(word: string): { hash: number; check: number; length: number } {
    let hash = HASH_START;
    let check = CHECK_START;
    let length = 0;
    for (let i = 0; i < word.length; i++) {
      const f = fold(word.charCodeAt(i));
      if (f === NOT_WORD || f === INVISIBLE) continue;
      hash = hashStep(hash, f);
      check = checkStep(check, f);
      length++;
    }
    return { hash, check, length };
  }

  /** The id of a word, adding it if new. */
  add(word: string): number {
    const { hash, check, length } = Vocabulary.hashWord(word);
    const existing = this.lookupHashed(hash, check, length);
    if (existing >= 0) return existing;
    const id = this.words.length;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.checks = grown(this.checks);
      this.lengths = grown(this.lengths);
    }
    this.words.push(word);
    this.hashes[id] = hash;
    this.checks[id] = check;
    this.lengths[id] = length;
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

  /**
   * The id of the word whose folded codes (invisible ones skipped) give `hash` and `check`
   * (each cut to HASH_MASK) and number `length`, or -1. Scanning loops hash as they read, so a
   * word costs one probe.
   */
  lookupHashed(hash: number, check: number, length: number): number {
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (let entry = table[slot]!; entry !== 0; entry = table[slot]!) {
      const id = entry - 1;
      if (this.hashes[id] === hash && this.checks[id] === check && this.lengths[id] === length) return id;
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
