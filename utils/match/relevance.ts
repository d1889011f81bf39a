/**
 * Decides from the page's own words whether it is about London's Metropolitan Police. Pages
 * that are not get no highlights at all: a weather page that says "the Met Office" or a story
 * about Washington's Metropolitan Police Department must stay untouched.
 */
import { findWords, patternIds, phraseAt, type Tokens } from './tokens';
import type { Vocabulary } from './vocabulary';
import { RELEVANCE_ANCHOR_ENTITIES, RELEVANCE_MIN_ENTITIES } from '../constants';

/** Phrases that on their own name the London force (with London somewhere on the page). */
const ANCHORS = ['Metropolitan Police', 'Met Police', 'Scotland Yard', 'Met Commissioner'];
/** The force's full name, which no other force bears (Washington's is a "Department"): enough alone. */
const FULL_NAME = 'Metropolitan Police Service';
/** "Metropolitan Police Department" is Washington DC's force. */
const ANCHOR_NOT_FOLLOWED_BY = ['department', 'dept'];
const LONDON = ['london', 'londoners', 'londoner'];

/** The relevance rules as vocabulary ids, compiled once per matcher. */
export class RelevanceRules {
  readonly anchors: { text: string; ids: number[] }[];
  readonly notAfterAnchor: Set<number>;
  readonly london: Set<number>;
  readonly fullName: number[];

  constructor(vocabulary: Vocabulary) {
    this.fullName = patternIds(vocabulary, FULL_NAME);
    this.anchors = ANCHORS.map((text) => ({ text, ids: patternIds(vocabulary, text) }));
    this.notAfterAnchor = new Set(ANCHOR_NOT_FOLLOWED_BY.map((w) => vocabulary.add(w)));
    this.london = new Set(LONDON.map((w) => vocabulary.add(w)));
  }
}

export interface Relevance {
  relevant: boolean;
  /** Why, in words for the popup. */
  reason: string;
}

/** What a page's words say about relevance, gathered slice by slice. */
export class RelevanceSignals {
  anchor?: string;
  london = false;
  fullName = false;

  constructor(private readonly rules: RelevanceRules) {}

  read(tokens: Tokens, from = 0, to = tokens.count): void {
    // One pass over the words for both, ending once both are found.
    const { london, fullName } = this.rules;
    for (let k = from; k < to && !(this.london && this.fullName); k++) {
      const id = tokens.ids[k]!;
      if (!this.london && london.has(id)) this.london = true;
      if (!this.fullName && id === fullName[0] && phraseAt(tokens, fullName, k)) this.fullName = true;
    }
    if (this.anchor) return;
    for (const { text, ids } of this.rules.anchors) {
      const hit = findWords(tokens, ids, from, to - 1).find(
        (k) => !this.rules.notAfterAnchor.has(tokens.ids[k + ids.length] ?? -1),
      );
      if (hit !== undefined) {
        this.anchor = text;
        return;
      }
    }
  }

  /** @param distinctEntities how many different named KB entities the page mentions */
  judge(distinctEntities: number): Relevance {
    const { anchor, london } = this;
    if (anchor && london) return { relevant: true, reason: `The page names “${anchor}” and London.` };
    if (this.fullName) return { relevant: true, reason: `The page names the “${FULL_NAME}”, London’s force by its full name.` };
    if (anchor && distinctEntities >= RELEVANCE_ANCHOR_ENTITIES) {
      return { relevant: true, reason: `The page names “${anchor}” and others from the Met’s story.` };
    }
    if (distinctEntities >= RELEVANCE_MIN_ENTITIES && london) {
      return { relevant: true, reason: `The page mentions ${distinctEntities} people or bodies from the Met’s story.` };
    }
    if (anchor) {
      return { relevant: false, reason: `The page names “${anchor}” but never London, so it may be another force.` };
    }
    return {
      relevant: false,
      reason: 'The page does not appear to be about London’s Metropolitan Police, so nothing was highlighted.',
    };
  }
}
