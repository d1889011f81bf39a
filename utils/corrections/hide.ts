/**
 * Which mentions the reader's corrections hide: a pure function of the mentions found in a
 * text, the text, the page and the corrections. The annotator applies it to every scan's list
 * of mentions (as it applies the reader's type filter), so hidden mentions are never wrapped,
 * and to the mentions already wrapped when the corrections change.
 */
import type { Mention } from '../match/types';
import { CONTEXT_CHARS, normalisePageUrl, normaliseText, type Correction } from './correction';

/** What identifies one mention on a page for a "not this one" correction. */
export interface MentionKey {
  /** The matched text, as the page has it. */
  text: string;
  /** Its place among the same entity's mentions with the same (normalised) text, from 0. */
  occurrence: number;
  /** Up to CONTEXT_CHARS characters of the page's text on each side. */
  before: string;
  after: string;
}

/** Each mention's key, in the order given (the matcher's page order). */
export function mentionKeys(mentions: readonly Mention[], text: string): MentionKey[] {
  const seen = new Map<string, number>();
  return mentions.map((m) => {
    const matched = text.slice(m.start, m.end);
    const group = `${m.entityId}|${normaliseText(matched)}`;
    const occurrence = seen.get(group) ?? 0;
    seen.set(group, occurrence + 1);
    return {
      text: matched.replace(/\s+/g, ' ').trim(),
      occurrence,
      before: text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start).replace(/\s+/g, ' '),
      after: text.slice(m.end, m.end + CONTEXT_CHARS).replace(/\s+/g, ' '),
    };
  });
}

/**
 * A scan's mention keys, worked out when first asked for, one entity at a time (a mention's
 * occurrence counts only its own entity's mentions): most pages never have a correction made on
 * them, and a long page has thousands of mentions.
 */
export class ScanKeys {
  private readonly keys = new Map<Mention, MentionKey>();
  private readonly done = new Set<string>();

  constructor(
    private readonly mentions: readonly Mention[],
    private readonly text: string,
  ) {}

  of(mention: Mention): MentionKey | undefined {
    if (!this.done.has(mention.entityId)) {
      this.done.add(mention.entityId);
      const same = this.mentions.filter((m) => m.entityId === mention.entityId);
      mentionKeys(same, this.text).forEach((key, i) => this.keys.set(same[i]!, key));
    }
    return this.keys.get(mention);
  }
}

export interface PagePlace {
  url: string;
  site: string;
}

/**
 * The indices of the mentions the corrections hide. A "not this one" correction hides the
 * mention with its entity, text and context (the first such, counting by occurrence when the
 * context repeats); when none has that context any more, the one at its occurrence.
 */
export function hiddenMentions(
  mentions: readonly Mention[],
  keys: readonly MentionKey[],
  place: PagePlace,
  corrections: readonly Correction[],
): Set<number> {
  const hidden = new Set<number>();
  if (!corrections.length) return hidden;
  const page = normalisePageUrl(place.url);
  const texts = keys.map((k) => normaliseText(k.text));
  for (const c of corrections) {
    const text = normaliseText(c.text);
    if (c.kind === 'entry' || (c.kind === 'site' && c.site === place.site)) {
      mentions.forEach((m, i) => {
        if (texts[i] === text && (c.kind === 'site' || m.entityId === c.entityId)) hidden.add(i);
      });
      continue;
    }
    if (c.kind !== 'page' || c.page !== page) continue;
    const same = mentions.flatMap((m, i) => (m.entityId === c.entityId && texts[i] === text ? [i] : []));
    const before = normaliseText(c.before);
    const after = normaliseText(c.after);
    const inContext = same.filter((i) => normaliseText(keys[i]!.before) === before && normaliseText(keys[i]!.after) === after);
    const chosen = inContext.length
      ? (inContext.find((i) => keys[i]!.occurrence === c.occurrence) ?? inContext[0])
      : same.find((i) => keys[i]!.occurrence === c.occurrence);
    if (chosen !== undefined) hidden.add(chosen);
  }
  return hidden;
}

/** "1 highlight hidden by your corrections", "2 highlights …". */
export function hiddenText(count: number): string {
  return `${count} ${count === 1 ? 'highlight' : 'highlights'} hidden by your corrections`;
}
