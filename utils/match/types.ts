import type { EntityType } from '../kb/schema';

/** Block boundaries in collected page text; a mention never spans one. The Unicode paragraph
 * separator is used because it does not occur in page text, where "\n" is just white space. */
export const BLOCK_BREAK = '\u2029';

/** What the page says about a statistic, compared with the KB's sourced values. */
export interface StatReading {
  /** The figure as the page gives it, in the measure's unit (pounds, per cent, a count). */
  value: number;
  /** "more than", "around", "over" and the like: the page's figure is not exact. */
  approximate: boolean;
  /** A year named next to the figure ("in 2024"), when there is one. */
  period?: string;
  /** The KB value the page's figure is compared with, when one applies. */
  kbValue?: { value: number; date: string };
  /** True when the page's figure does not agree with the KB's value for the same period. */
  differs: boolean;
  /** For a key figure of a named entry (not a statistic): its position in the entry's `figures`. */
  figure?: number;
}

/** One mention found in a text: offsets refer to the text given to the matcher. */
export interface Mention {
  entityId: string;
  type: EntityType;
  start: number;
  end: number;
  stat?: StatReading;
}
