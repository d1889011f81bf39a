/**
 * What span of time a value covers. Only a value for a whole calendar year (or a whole month)
 * is compared with a page's figure for that year (or month); the rest are shown with their
 * period and tied only where the page's figure is the same.
 */
export const PERIOD_KINDS = [
  'calendar-year',
  'financial-year',
  'twelve-months',
  'quarter',
  'month',
  'part-year',
  'point',
  'cumulative',
  'unstated',
] as const;
