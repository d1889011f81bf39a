/**
 * The reader's "what to highlight" choice, applied where mentions are found: hidden types are
 * neither wrapped nor summarised. Whether the page is about the Met is still judged on every
 * mention, so hiding people does not make a page about the Met look unrelated.
 */
import type { Mention } from '../match/types';
import type { EntityType } from '../kb/schema';

/** The mentions of the types shown (all of them when no choice was made). */
export function filterMentionTypes(mentions: Mention[], shown?: ReadonlySet<EntityType>): Mention[] {
  return shown ? mentions.filter((m) => shown.has(m.type)) : mentions;
}
