/** A page summary as the content script gives it for a seed article: one differing statistic, one person. */
import type { PageSummary } from '../../utils/page/summary';

export const SEED_SUMMARY: PageSummary = {
  site: 'standard.co.uk',
  enabled: true,
  settled: true,
  relevant: true,
  reason: 'Mentions the Met.',
  articleDate: '2025-03-06',
  counts: { person: 1, statistic: 1 },
  entities: [
    { id: 'stat-999-answered-10s', type: 'statistic', name: 'Met 999 calls answered within 10 seconds', mentions: 3, differs: true },
    { id: 'mark-rowley', type: 'person', name: 'Sir Mark Rowley', mentions: 2, differs: false },
  ],
};
