/**
 * The words the engine cares about (every word of every alias, cue and rule), each with a
 * small integer id. Page text is looked up here as it is scanned, by a hash of the word's
 * lower-cased characters, so a page's words never become strings: most words are in no alias
 * and are dismissed without allocating anything.
 */

/** Characters inside a word that render as nothing (soft hyphen, zero-width joiners). */
export function isInvisible(c: number): boolean {
  return c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

export function lowerCode(text: string, i: number, c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const lower = text[i]!.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** A second, independent hash confirms a hit, so a word is never compared character by character. */
const CHECK_OFFSET = 0x9e3779b9;
const CHECK_PRIME = 0x85ebca6b;

export class Vocabulary {
  readonly words: string[] = [];
  private hashes: number[] = [];
  private checks: number[] = [];
  private lengths: number[] = [];
  /** Open-addressing table of ids + 1 (0 = empty), indexed by hash: cheaper than a Map per word. */
  private table = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.words.length;
  }

  private static hashString(word: string): [number, number] {
    let h = FNV_OFFSET;
    let g = CHECK_OFFSET;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h = Math.imul(h ^ c, FNV_PRIME);
      g = Math.imul(g + c, CHECK_PRIME) ^ (g >>> 15);
    }
    return [h >>> 0, g >>> 0];
  }

  /** The id of a lower-case word, adding it if new. */
  add(word: string): number {
    const existing = this.find(word);
    if (existing >= 0) return existing;
    const id = this.words.length;
    this.words.push(word);
    const [h, g] = Vocabulary.hashString(word);
    this.hashes.push(h);
    this.checks.push(g);
    this.lengths.push(word.length);
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

  /** The id of a lower-case word, or -1. */
  find(word: string): number {
    let slot = Vocabulary.hashString(word)[0] & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      if (this.words[entry - 1] === word) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /**
   * The id of the word text[start, end) lower-cased and without invisible characters, or -1,
   * without making a string of it.
   */
  lookup(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    let g = CHECK_OFFSET;
    let length = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
      } else if (isInvisible(c)) continue;
      else c = lowerCode(text, i, c);
      h = Math.imul(h ^ c, FNV_PRIME);
      g = Math.imul(g + c, CHECK_PRIME) ^ (g >>> 15);
      length++;
    }
    g >>>= 0;
    let slot = (h >>> 0) & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[slot]!) {
      const id = entry - 1;
      // Same first hash, same second hash, same length: the chance of two words agreeing on
      // all three is about one in 10^14 per lookup.
      if (this.checks[id] === g && this.lengths[id] === length && this.hashes[id] === h >>> 0) return id;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}
