/**
 * Finds mentions of named entities (everything but statistics) with one pass of the word
 * automaton, then applies the KB's alias rules: capitalisation, what may not follow, context
 * required in the same sentence, and short forms that only count after the full name.
 */
import { WordAutomaton } from './word-automaton';
import { patternIds, phraseAt, sentenceRange, type SeenWords, type Tokens } from './tokens';
import type { Vocabulary } from './vocabulary';
import type { IndexedAlias, IndexedSurname, MatchIndex } from '../kb/match-index';
import { TITLE_PATTERNS, type TitleGender } from './titles';

interface CompiledAlias {
  alias: IndexedAlias;
  cased: string[];
  ids: number[];
  notFollowedBy: number[][];
  notPrecededBy: number[][];
  context: number[][];
  /** A surname the KB's people share: it counts only after a title ("Mr", "Sgt", "Mrs Justice"). */
  surname?: IndexedSurname;
}

interface CompiledTitle {
  ids: number[];
  cased: string[];
  gender?: TitleGender;
}

export interface NameMention {
  entity: number;
  /** Offsets in the tokenised text. */
  start: number;
  end: number;
}

/**
 * The aliases one text can match, with their automaton. Made per run and held by it, never by
 * the matcher: the background interleaves several pages' runs on one matcher (each yields
 * between steps), and one page's automaton must not serve another's words.
 */
export interface PreparedNames {
  compiled: CompiledAlias[];
  automaton: WordAutomaton;
}

export class NameMatcher {
  /** Every alias and every shared surname, compiled once; surnames follow the aliases. */
  private readonly all: CompiledAlias[] = [];
  /**
   * Each entry of `all` filed under its rarest word (the one fewest entries use): a page's
   * words lead straight to the few entries that could occur on it, so preparing a page costs
   * what the page holds, not what the KB holds.
   */
  private readonly byKeyWord = new Map<number, number[]>();
  private readonly titles: CompiledTitle[];

  /** Registers every word the aliases and their rules use in the vocabulary. */
  constructor(
    index: MatchIndex,
    private readonly vocabulary: Vocabulary,
  ) {
    const ids = (words: readonly string[]) => words.map((w) => vocabulary.add(w.toLowerCase()));
    for (const alias of index.aliases) {
      this.all.push({
        alias,
        cased: alias.words,
        ids: ids(alias.words),
        notFollowedBy: alias.notFollowedBy?.map((p) => patternIds(vocabulary, p)) ?? [],
        notPrecededBy: alias.notPrecededBy?.map((p) => patternIds(vocabulary, p)) ?? [],
        context: alias.context?.map((p) => patternIds(vocabulary, p)) ?? [],
      });
    }
    for (const surname of index.surnames ?? []) {
      const alias = { text: surname.words.join(' '), afterFullName: true, caseSensitive: true, entity: surname.people[0]!.entity, words: surname.words };
      this.all.push({ alias, cased: surname.words, ids: ids(surname.words), notFollowedBy: [], notPrecededBy: [], context: [], surname });
    }
    this.titles = TITLE_PATTERNS.map((t) => ({ ids: t.lower.map((w) => vocabulary.add(w)), cased: t.cased, gender: t.gender }));
    const uses = new Map<number, number>();
    for (const c of this.all) for (const id of new Set(c.ids)) uses.set(id, (uses.get(id) ?? 0) + 1);
    this.all.forEach((c, entry) => {
      if (!c.ids.length) return;
      const key = c.ids.reduce((best, id) => (uses.get(id)! < uses.get(best)! ? id : best));
      const filed = this.byKeyWord.get(key);
      if (filed) filed.push(entry);
      else this.byKeyWord.set(key, [entry]);
    });
  }

  /**
   * Builds the automaton from the aliases whose every word occurs on the page. A page uses few
   * of a large KB's aliases, and only those filed under the page's words are looked at.
   */
  prepare(seen: SeenWords): PreparedNames {
    const entries: number[] = [];
    for (const id of seen.ids) {
      const filed = this.byKeyWord.get(id);
      if (!filed) continue;
      for (const entry of filed) if (this.all[entry]!.ids.every((w) => seen.has(w))) entries.push(entry);
    }
    // In KB order, so a page's automaton is the same whatever order its words came in.
    entries.sort((a, b) => a - b);
    const compiled = entries.map((entry) => this.all[entry]!);
    return {
      compiled,
      automaton: new WordAutomaton(
        compiled.map((c) => c.ids),
        this.vocabulary.size,
      ),
    };
  }

  /**
   * Mentions among words [from, to) in document order, without overlaps. `namedInFull` holds
   * the entities whose full name has appeared so far on the page; it is updated as it goes,
   * so a page can be matched slice by slice.
   */
  find(prepared: PreparedNames, tokens: Tokens, namedInFull: Set<number>, from = 0, to = tokens.count): NameMention[] {
    const candidates: { c: CompiledAlias; first: number; last: number; span: number; title?: CompiledTitle }[] = [];
    const hits = prepared.automaton.search(tokens.ids, tokens.joinable, from, to);
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!;
      const c = prepared.compiled[hit.pattern]!;
      if (!this.accepts(c, tokens, hit.first, hit.last)) continue;
      if (c.surname) {
        const title = this.titleBefore(tokens, hit.first);
        if (!title) continue;
        const first = hit.first - title.ids.length;
        // A KB alias of the same words ("Mrs Lawrence" written for one person) beats the general rule.
        candidates.push({ c, first, last: hit.last, span: tokens.ends[hit.last]! - tokens.starts[first]! - 0.5, title });
      } else {
        candidates.push({ c, first: hit.first, last: hit.last, span: tokens.ends[hit.last]! - tokens.starts[hit.first]! });
      }
    }
    const chosen = resolveOverlaps(candidates);
    const mentions: NameMention[] = [];
    for (let i = 0; i < chosen.length; i++) {
      const { c, first, last, title } = chosen[i]!;
      let entity = c.alias.entity;
      if (c.surname) {
        const person = onlyPersonMeant(c.surname, namedInFull, title!.gender);
        if (person === undefined) continue;
        entity = person;
      } else if (c.alias.afterFullName) {
        if (!namedInFull.has(entity)) continue;
      } else {
        namedInFull.add(entity);
      }
      mentions.push({ entity, start: tokens.starts[first]!, end: tokens.ends[last]! });
    }
    return mentions;
  }

  /** The title written just before word `k` ("Mrs Justice", "DCI", "Mr"), longest first. */
  private titleBefore(tokens: Tokens, k: number): CompiledTitle | undefined {
    if (k === 0 || tokens.joinable[k - 1] !== 1 || tokens.sentence[k - 1] !== tokens.sentence[k]) return undefined;
    return this.titles.find((t) => {
      const at = k - t.ids.length;
      return phraseAt(tokens, t.ids, at) && t.cased.every((w, j) => writtenAs(tokens, at + j, w));
    });
  }

  private accepts(c: CompiledAlias, tokens: Tokens, first: number, last: number): boolean {
    if (c.alias.caseSensitive) {
      for (let k = first; k <= last; k++) if (!writtenAs(tokens, k, c.cased[k - first]!)) return false;
    }
    if (c.notFollowedBy.length && last + 1 < tokens.count && tokens.sentence[last + 1] === tokens.sentence[last]) {
      for (const phrase of c.notFollowedBy) if (phraseAt(tokens, phrase, last + 1)) return false;
    }
    if (c.notPrecededBy.length && first > 0 && tokens.joinable[first - 1] === 1) {
      for (const phrase of c.notPrecededBy) if (phraseAt(tokens, phrase, first - phrase.length)) return false;
    }
    if (c.context.length && !contextAround(c.context, tokens, first, last)) return false;
    return true;
  }
}

/** Whether word `k` is written exactly as `word`, capitals and all. */
function writtenAs(tokens: Tokens, k: number, word: string): boolean {
  return tokens.ends[k]! - tokens.starts[k]! === word.length && tokens.text.startsWith(word, tokens.starts[k]);
}

/**
 * The one person a title and surname can mean here: of the KB's people with that surname, those
 * already named in full on the page whom the title fits ("Mrs" never a man; a gendered title only
 * someone whose gender the KB states). Two or more (a mother and son named in full) is ambiguous,
 * and none is not yet introduced: both give undefined.
 */
function onlyPersonMeant(surname: IndexedSurname, namedInFull: ReadonlySet<number>, gender: TitleGender | undefined): number | undefined {
  let found: number | undefined;
  for (const person of surname.people) {
    if (!namedInFull.has(person.entity) || (gender && person.gender !== gender)) continue;
    if (found !== undefined) return undefined;
    found = person.entity;
  }
  return found;
}

/** Whether some context phrase occurs in the sentence of words [first, last], outside them. */
function contextAround(context: readonly number[][], tokens: Tokens, first: number, last: number): boolean {
  const { first: s, last: e } = sentenceRange(tokens, first);
  for (const phrase of context) {
    for (let k = s; k + phrase.length - 1 <= e; k++) {
      if ((k + phrase.length - 1 < first || k > last) && phraseAt(tokens, phrase, k)) return true;
    }
  }
  return false;
}

interface Candidate {
  first: number;
  last: number;
  /** Length in characters. */
  span: number;
}

const OPEN = 0;
const TAKEN = 1;
const BEATEN = 2;
/** Each candidate's fate while a run is settled, reused from run to run. */
let fates = new Uint8Array(16);

/**
 * Settles one run of overlapping candidates [from, to) (sorted by position): the longest open
 * one wins (the leftmost among equals) and beats every open one it overlaps, until none is
 * open. The winners are added to `chosen` in document order.
 */
function settleRun<T extends Candidate>(candidates: T[], from: number, to: number, chosen: T[]): void {
  if (fates.length < to - from) fates = new Uint8Array(2 * (to - from));
  fates.fill(OPEN, 0, to - from);
  for (;;) {
    let best = -1;
    for (let i = from; i < to; i++) {
      if (fates[i - from] !== OPEN) continue;
      if (best < 0 || candidates[i]!.span > candidates[best]!.span) best = i;
    }
    if (best < 0) break;
    fates[best - from] = TAKEN;
    const winner = candidates[best]!;
    for (let i = from; i < to; i++) {
      if (fates[i - from] === OPEN && candidates[i]!.first <= winner.last && candidates[i]!.last >= winner.first) fates[i - from] = BEATEN;
    }
  }
  for (let i = from; i < to; i++) if (fates[i - from] === TAKEN) chosen.push(candidates[i]!);
}

/**
 * Sorts by first word, then last, in place. The automaton reports candidates by last word, so
 * each is at most a few places from where it belongs: an insertion sort settles that in about
 * one pass and, unlike Array.prototype.sort, allocates nothing.
 */
function sortByPosition(list: Candidate[]): void {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && (list[j]!.first > item.first || (list[j]!.first === item.first && list[j]!.last > item.last))) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
}

/**
 * Where aliases overlap the longest wins ("the Met Police": "Met Police" over "the Met"), then
 * the leftmost. Only candidates that overlap can compete, so the page's candidates are cut into
 * runs of overlapping ones and each run is settled on its own: most runs are a single name.
 * Returns the winners in document order.
 */
export function resolveOverlaps<T extends Candidate>(candidates: T[]): T[] {
  sortByPosition(candidates);
  const chosen: T[] = [];
  for (let i = 0; i < candidates.length; ) {
    let end = i + 1;
    let reach = candidates[i]!.last;
    while (end < candidates.length && candidates[end]!.first <= reach) reach = Math.max(reach, candidates[end++]!.last);
    if (end === i + 1) chosen.push(candidates[i]!);
    else settleRun(candidates, i, end, chosen);
    i = end;
  }
  return chosen;
}
