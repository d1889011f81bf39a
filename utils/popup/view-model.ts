/** Shapes a page summary into what the popup lists: groups by type, in a reading order. */
import type { EntityType } from '../kb/schema';
import type { PageSummary, SummaryEntity } from '../page/summary';

export const TYPE_PLURALS: Record<EntityType, string> = {
  inquiry: 'Inquiries',
  review: 'Reviews',
  report: 'Reports',
  plan: 'Plans',
  monitoring: 'Monitoring',
  operation: 'Operations',
  case: 'Cases',
  person: 'People',
  organisation: 'Organisations',
  statistic: 'Statistics',
};

/** Statistics first (a differing figure is what a reader most needs to see), then the rest. */
const ORDER: EntityType[] = ['statistic', 'person', 'inquiry', 'review', 'report', 'monitoring', 'plan', 'operation', 'case', 'organisation'];

export interface PopupGroup {
  type: EntityType;
  label: string;
  entities: SummaryEntity[];
}

/** Within a type: a differing figure first, then the most mentioned, then by name. */
function readingOrder(a: SummaryEntity, b: SummaryEntity): number {
  return Number(b.differs) - Number(a.differs) || b.mentions - a.mentions || a.name.localeCompare(b.name);
}

export function groupSummary(summary: PageSummary): PopupGroup[] {
  return ORDER.map((type) => ({
    type,
    label: TYPE_PLURALS[type],
    entities: summary.entities.filter((e) => e.type === type).sort(readingOrder),
  })).filter((g) => g.entities.length > 0);
}
