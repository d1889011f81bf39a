/**
 * What the popup shows about a page: which entities it mentions, how often, grouped by type.
 */
import type { EntityType } from '../kb/schema';
import type { Mention } from '../match/types';

export interface SummaryEntity {
  id: string;
  type: EntityType;
  name: string;
  /** How many times the page mentions it. */
  mentions: number;
  /** A statistic whose figure on the page differs from the sourced value. */
  differs: boolean;
}

export interface PageSummary {
  site: string;
  enabled: boolean;
  /** The content script has applied the reader's settings: the page is read, or left alone. */
  settled: boolean;
  relevant: boolean;
  /** The article's publication day (YYYY-MM-DD), from the page's metadata. */
  articleDate?: string;
  /** Why the page was or was not annotated. */
  reason: string;
  /** Where the page's text was last matched: the background's warm matcher, or the page's own. */
  matchedIn?: 'background' | 'page';
  /** Distinct entities mentioned, by type. */
  counts: Partial<Record<EntityType, number>>;
  entities: SummaryEntity[];
  /** Mentions the reader's corrections hid on this page. */
  hidden?: number;
}

export function summarise(
  mentions: readonly Mention[],
  nameOf: (id: string) => string,
): Pick<PageSummary, 'counts' | 'entities'> {
  const byId = new Map<string, SummaryEntity>();
  for (const m of mentions) {
    const entry = byId.get(m.entityId) ?? {
      id: m.entityId,
      type: m.type,
      name: nameOf(m.entityId),
      mentions: 0,
      differs: false,
    };
    entry.mentions += 1;
    entry.differs ||= Boolean(m.stat?.differs);
    byId.set(m.entityId, entry);
  }
  // In the order first mentioned: the popup sorts them for reading (utils/popup/view-model.ts),
  // so the page does not pay for a locale-aware sort on every scan.
  const entities = [...byId.values()];
  const counts: Partial<Record<EntityType, number>> = {};
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return { counts, entities };
}
