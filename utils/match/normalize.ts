/**
 * Text normalisation for matching. Page text is folded so that typography does not hide a
 * mention (curly quotes, non-breaking and thin spaces, dash variants, line breaks, soft
 * hyphens), while keeping a map from every folded character back to the original offset so
 * highlights land on the page's own characters.
 */

/**
 * Block boundaries in collected page text; a mention never spans one. The Unicode paragraph
 * separator is used because it does not occur in page text, where "\n" is just white space.
 */
export const BLOCK_BREAK = '\u2029';

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
};
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
/** Characters that render as nothing and may sit inside a word (soft hyphen, zero-width). */
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;

export interface NormalizedText {
  /** Folded text with the original capitalisation. */
  cased: string;
  /** Folded text, lower-cased: what the multi-pattern search runs over. */
  lower: string;
  /** `map[i]` is the offset in the original text of folded character `i`. */
  map: Int32Array;
}

function foldChar(ch: string): string {
  if (QUOTES[ch]) return QUOTES[ch];
  if (DASHES.test(ch)) return '-';
  return ch;
}

/** Lower-cases one character keeping the length at one (a few letters expand, e.g. "İ"). */
function lowerChar(ch: string): string {
  const low = ch.toLowerCase();
  return low.length === 1 ? low : ch;
}

export function normalizeText(text: string): NormalizedText {
  const map = new Int32Array(text.length + 1);
  let cased = '';
  let lower = '';
  let n = 0;
  let pendingSpace = -1;
  let pendingBreak = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE.test(ch)) continue;
    if (ch === BLOCK_BREAK || SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      if (ch === BLOCK_BREAK) pendingBreak = true;
      continue;
    }
    if (pendingSpace >= 0) {
      // Leading white space is dropped; a run of it becomes one space (or one block break).
      if (n > 0) {
        const sep = pendingBreak ? BLOCK_BREAK : ' ';
        cased += sep;
        lower += sep;
        map[n++] = pendingSpace;
      }
      pendingSpace = -1;
      pendingBreak = false;
    }
    const folded = foldChar(ch);
    cased += folded;
    lower += lowerChar(folded);
    map[n++] = i;
  }
  map[n] = text.length;
  return { cased, lower, map: map.subarray(0, n + 1) };
}

/** Folds a pattern (an alias or a cue) the same way as page text. */
export function normalizePattern(text: string): { cased: string; lower: string } {
  const { cased, lower } = normalizeText(text);
  return { cased, lower };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** True when [start, end) in `text` is a whole word or phrase, not part of a longer word. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}

/** A full stop followed by a lower-case word ("officers. who", "e.g. the") does not end a sentence. */
function isLowerStart(text: string, pos: number): boolean {
  const next = /\S/.exec(text.slice(pos, pos + 3))?.[0];
  return next !== undefined && next !== next.toUpperCase();
}

/**
 * The sentence around `pos` in folded text (with its capitals: they tell sentence ends apart): from after the previous sentence end (". ", "? ",
 * "! " or a block break) to the next one. Abbreviations such as "Mr." are rare in the phrases
 * this is used for, so a simple rule serves.
 */
export function sentenceAt(text: string, pos: number): { start: number; end: number } {
  let start = pos;
  while (start > 0) {
    const ch = text[start - 1]!;
    if (ch === BLOCK_BREAK) break;
    if (ch === ' ' && /[.!?]["')\]]*$/.test(text.slice(Math.max(0, start - 4), start - 1)) && !isLowerStart(text, start)) break;
    start--;
  }
  let end = pos;
  while (end < text.length) {
    const ch = text[end]!;
    if (ch === BLOCK_BREAK) break;
    if (/[.!?]/.test(ch) && (end + 1 >= text.length || /[\s"')\]]/.test(text[end + 1]!)) && !isLowerStart(text, end + 2)) {
      // Decimal points ("86.2") are not sentence ends: they are followed by a digit.
      end++;
      while (end < text.length && /["')\]]/.test(text[end]!)) end++;
      break;
    }
    end++;
  }
  return { start, end };
}
