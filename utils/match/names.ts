/**
 * Finds mentions of named entities (everything but statistics) with one multi-pattern pass,
 * then applies the KB's alias rules: case, whole words, what may not follow, required
 * context, and short forms that only count after the full name has appeared.
 */
import { AhoCorasick } from './aho-corasick';
import { isWholeWord, normalizePattern, sentenceAt, type NormalizedText } from './normalize';
import type { IndexedAlias, MatchIndex } from '../kb/match-index';

interface Candidate {
  alias: IndexedAlias;
  start: number;
  end: number;
}

/** Words following a possible mention, for `notFollowedBy` ("Met" + "Office"). */
function nextWords(text: string, end: number, count: number): string {
  const rest = text.slice(end, end + 60).replace(/^[\s'"]+/, '');
  return rest.split(/[^\p{L}\p{N}]+/u, count).join(' ');
}

function hasAnyWord(text: string, words: readonly string[]): boolean {
  return words.some((word) => {
    const needle = normalizePattern(word).lower;
    let at = text.indexOf(needle);
    while (at >= 0) {
      if (isWholeWord(text, at, at + needle.length)) return true;
      at = text.indexOf(needle, at + 1);
    }
    return false;
  });
}

export class NameMatcher {
  private readonly automaton: AhoCorasick;
  private readonly patterns: { lower: string; cased: string }[];

  constructor(private readonly index: MatchIndex) {
    this.patterns = index.aliases.map((alias) => normalizePattern(alias.text));
    this.automaton = new AhoCorasick(this.patterns.map((p) => p.lower));
  }

  /** Mentions in folded-text offsets, in document order, without overlaps. */
  find(text: NormalizedText): { entity: number; start: number; end: number }[] {
    const candidates: Candidate[] = [];
    for (const hit of this.automaton.search(text.lower)) {
      const alias = this.index.aliases[hit.pattern]!;
      if (this.accepts(alias, this.patterns[hit.pattern]!.cased, text, hit.start, hit.end)) {
        candidates.push({ alias, start: hit.start, end: hit.end });
      }
    }
    // Where aliases overlap the longest wins ("the Met Police": "Met Police" over "the Met"),
    // then the leftmost.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(text.lower.length);
    const chosen: Candidate[] = [];
    for (const candidate of candidates) {
      if (taken.subarray(candidate.start, candidate.end).some((x) => x === 1)) continue;
      taken.fill(1, candidate.start, candidate.end);
      chosen.push(candidate);
    }
    chosen.sort((a, b) => a.start - b.start);
    const namedInFull = new Set<number>();
    const mentions: { entity: number; start: number; end: number }[] = [];
    for (const { alias, start, end } of chosen) {
      if (alias.afterFullName) {
        if (!namedInFull.has(alias.entity)) continue;
      } else {
        namedInFull.add(alias.entity);
      }
      mentions.push({ entity: alias.entity, start, end });
    }
    return mentions;
  }

  private accepts(alias: IndexedAlias, cased: string, text: NormalizedText, start: number, end: number): boolean {
    if (!isWholeWord(text.lower, start, end)) return false;
    if (alias.caseSensitive && text.cased.slice(start, end) !== cased) return false;
    if (alias.notFollowedBy?.length) {
      const following = nextWords(text.lower, end, 3);
      const blocked = alias.notFollowedBy.some((word) => {
        const w = normalizePattern(word).lower;
        return following === w || following.startsWith(`${w} `);
      });
      if (blocked) return false;
    }
    if (alias.context?.length) {
      const sentence = sentenceAt(text.cased, start);
      const around = text.lower.slice(sentence.start, start) + ' ' + text.lower.slice(end, sentence.end);
      if (!hasAnyWord(around, alias.context)) return false;
    }
    return true;
  }
}
