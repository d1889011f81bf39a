/**
 * Decides from the page's own text whether it is about London's Metropolitan Police. Pages
 * that are not get no highlights at all: a weather page that says "the Met Office" or a story
 * about Washington's Metropolitan Police Department must stay untouched.
 */
import { isWholeWord, normalizePattern } from './normalize';
import { RELEVANCE_MIN_ENTITIES } from '../constants';

/** Phrases that on their own name the London force (with London somewhere on the page). */
const ANCHORS = ['metropolitan police', 'met police', 'scotland yard', 'met commissioner'];
/** "Metropolitan Police Department" is Washington DC's force. */
const ANCHOR_NOT_FOLLOWED_BY = ['department', 'dept'];
const LONDON = ['london', 'londoners', 'londoner'];

export interface Relevance {
  relevant: boolean;
  /** Why, in words for the popup. */
  reason: string;
}

function findWhole(text: string, phrase: string, notFollowedBy: readonly string[] = []): boolean {
  const needle = normalizePattern(phrase).lower;
  let at = text.indexOf(needle);
  while (at >= 0) {
    const end = at + needle.length;
    const next = text.slice(end + 1, end + 12);
    if (isWholeWord(text, at, end) && !notFollowedBy.some((w) => next.startsWith(w))) return true;
    at = text.indexOf(needle, at + 1);
  }
  return false;
}

/**
 * @param lowerText folded, lower-cased page text (headline and article)
 * @param distinctEntities how many different named KB entities the page mentions
 */
export function judgeRelevance(lowerText: string, distinctEntities: number): Relevance {
  const anchor = ANCHORS.find((a) => findWhole(lowerText, a, ANCHOR_NOT_FOLLOWED_BY));
  const london = LONDON.some((w) => findWhole(lowerText, w));
  if (anchor && london) return { relevant: true, reason: `The page names “${anchor}” and London.` };
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
