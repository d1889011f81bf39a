/**
 * Decides from the page's own words whether it is about London's Metropolitan Police. Pages
 * that are not get no highlights at all: a weather page that says "the Met Office" or a story
 * about Washington's Metropolitan Police Department must stay untouched.
 */
import { findWords, patternIds, patternWords, phraseAt, sentenceRange, type Tokens } from './tokens';
import type { Vocabulary } from './vocabulary';
import { RELEVANCE_ANCHOR_ENTITIES, RELEVANCE_MIN_ENTITIES, RELEVANCE_STORY_ENTITIES } from '../constants';
import { isHostOnSites } from '../sites';
import { LONDON_PARTS, LONDON_WIDE } from './london';

/** Phrases that on their own name the London force (with a London signal somewhere on the page). */
const ANCHORS = ['Metropolitan Police', 'Met Police', 'Scotland Yard', 'Met Commissioner', 'the Met'];
/** Anchors whose capitals count: "the Met" (or "The Met") is the police, "the met" nothing. */
const CASE_SENSITIVE_ANCHORS = new Set(['the Met']);
/**
 * "the Met" is also New York's museum and opera house, and weather copy's name for the Met
 * Office: a sentence that speaks of art, opera, fashion, New York or the weather does not make
 * "the Met" in it the police.
 */
const SHORT_ANCHOR_NOT_WITH = [
  'museum', 'gallery', 'galleries', 'exhibition', 'curator', 'art', 'artist', 'artworks', 'painting', 'paintings',
  'opera', 'soprano', 'tenor', 'gala', 'fashion', 'costume', 'new york', 'manhattan', 'fifth avenue',
  'weather', 'forecast', 'forecasts', 'forecaster', 'forecasters', 'temperature', 'temperatures', 'heatwave', 'rainfall',
  'thunderstorm', 'thunderstorms', 'meteorologist', 'meteorologists', 'celsius', 'sunshine', 'snowfall',
];
/** The force's full name, which no other force bears (Washington's is a "Department"): enough alone. */
const FULL_NAME = 'Metropolitan Police Service';
/**
 * What may not follow an anchor: "Metropolitan Police Department" is Washington DC's force;
 * "the Met Office", "the Met Gala", "the Met Opera" and the New York museum's galleries are not
 * the police.
 */
const ANCHOR_NOT_FOLLOWED_BY = [
  'department', 'dept', 'office', 'gala', 'museum', 'opera', 'ball', 'costume', 'breakfast', 'cloisters', 'collection',
  'galleries', 'gallery', 'exhibition', 'fifth', 'life', 'eireann', 'éireann', 'éireann’s',
];
/**
 * A force name after a capitalised place is another city's force ("Tokyo Metropolitan Police",
 * "Las Vegas Metropolitan Police"). These capitalised words before it are not places: London's
 * own, articles and the words that open a sentence.
 */
const NOT_A_PLACE_BEFORE_ANCHOR = [
  'the', 'a', 'an', 'london', 'british', 'britain', 'uk', 'england', 'former', 'retired', 'serving', 'senior', 'veteran',
  'two', 'three', 'four', 'many', 'some', 'several', 'other', 'all', 'both', 'every', 'when', 'while', 'after', 'before',
  'but', 'and', 'if', 'as', 'yesterday', 'today', 'now', 'then', 'meanwhile', 'however', 'one',
];

/** The force's own sites: a page there is about the force whatever it says. */
const FORCE_SITES = ['met.police.uk'];

/** Whether a site is one of the force's own. */
export function isForceSite(site: string): boolean {
  return isHostOnSites(site, FORCE_SITES);
}

/** The relevance rules as vocabulary ids, compiled once per matcher. */
export class RelevanceRules {
  readonly anchors: { text: string; ids: number[]; cased?: string[] }[];
  readonly notWithShortAnchor: number[][];
  readonly notAPlace: Set<number>;
  readonly notAfterAnchor: Set<number>;
  /** London's words and phrases, by the id of their first word. */
  readonly london: Map<number, number[][]>;
  readonly fullName: number[];

  constructor(vocabulary: Vocabulary) {
    this.fullName = patternIds(vocabulary, FULL_NAME);
    this.anchors = ANCHORS.map((text) => ({
      text,
      ids: patternIds(vocabulary, text),
      ...(CASE_SENSITIVE_ANCHORS.has(text) ? { cased: patternWords(text).cased } : {}),
    }));
    this.notAfterAnchor = new Set(ANCHOR_NOT_FOLLOWED_BY.map((w) => vocabulary.add(w)));
    this.notWithShortAnchor = SHORT_ANCHOR_NOT_WITH.map((p) => patternIds(vocabulary, p));
    this.notAPlace = new Set(NOT_A_PLACE_BEFORE_ANCHOR.map((w) => vocabulary.add(w)));
    this.london = new Map();
    for (const place of [...LONDON_WIDE, ...LONDON_PARTS]) {
      const ids = patternIds(vocabulary, place);
      this.london.set(ids[0]!, [...(this.london.get(ids[0]!) ?? []), ids]);
    }
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

  /** @param ownSite the page is on one of the force's own sites */
  constructor(
    private readonly rules: RelevanceRules,
    private readonly ownSite = false,
  ) {}

  read(tokens: Tokens, from = 0, to = tokens.count): void {
    // One pass over the words for both, ending once both are found.
    const { london, fullName } = this.rules;
    for (let k = from; k < to && !(this.london && this.fullName); k++) {
      const id = tokens.ids[k]!;
      if (!this.london) {
        const places = london.get(id);
        if (places && places.some((ids) => phraseAt(tokens, ids, k))) this.london = true;
      }
      if (!this.fullName && id === fullName[0] && phraseAt(tokens, fullName, k)) this.fullName = true;
    }
    if (this.anchor) return;
    for (const { text, ids, cased } of this.rules.anchors) {
      const hit = findWords(tokens, ids, from, to - 1).find(
        (k) =>
          !this.rules.notAfterAnchor.has(tokens.ids[k + ids.length] ?? -1) &&
          !this.afterAPlace(tokens, k) &&
          (!cased || (cased.every((w, j) => !/^[A-Z]/.test(w) || tokens.text.startsWith(w, tokens.starts[k + j]!)) && !this.inArtsSentence(tokens, k))),
      );
      if (hit !== undefined) {
        this.anchor = text;
        return;
      }
    }
  }

  /** Whether word `k` follows a capitalised word that names another place ("Tokyo Metropolitan Police"). */
  private afterAPlace(tokens: Tokens, k: number): boolean {
    if (k === 0 || tokens.joinable[k - 1] !== 1 || tokens.sentence[k - 1] !== tokens.sentence[k]) return false;
    const first = tokens.text.charCodeAt(tokens.starts[k - 1]!);
    const capital = first >= 65 && first <= 90;
    return capital && !this.rules.notAPlace.has(tokens.ids[k - 1]!);
  }

  private inArtsSentence(tokens: Tokens, k: number): boolean {
    const { first, last } = sentenceRange(tokens, k);
    return this.rules.notWithShortAnchor.some((phrase) => findWords(tokens, phrase, first, last).length > 0);
  }

  /**
   * @param distinctEntities how many different named KB entities the page mentions
   * @param storyEntities how many of them belong to the Met's own story (its officers, its cases)
   */
  judge(distinctEntities: number, storyEntities = 0): Relevance {
    const { anchor, london } = this;
    if (this.ownSite) return { relevant: true, reason: 'This is one of the Metropolitan Police’s own sites.' };
    if (anchor && london) return { relevant: true, reason: `The page names “${anchor}” and a London place or body.` };
    if (this.fullName) return { relevant: true, reason: `The page names the “${FULL_NAME}”, London’s force by its full name.` };
    if (anchor && distinctEntities >= RELEVANCE_ANCHOR_ENTITIES) {
      return { relevant: true, reason: `The page names “${anchor}” and others from the Met’s story.` };
    }
    if (storyEntities >= RELEVANCE_STORY_ENTITIES) {
      return { relevant: true, reason: `The page names ${storyEntities} people or cases from the Met’s own story.` };
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
