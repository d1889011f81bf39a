/** Formatting of KB dates and figures for reading (en-GB, as the KB's sources are British). */
import type { Statistic } from '../kb/schema';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2023", "March 2023" or "21 March 2023", keeping the precision the source gave. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!month) return year!;
  const monthName = MONTHS[Number(month) - 1]!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function formatValue(value: number, unit: Statistic['unit']): string {
  if (unit === 'percent') return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
  if (unit === 'gbp') {
    if (value >= 1e9) return `£${(value / 1e9).toLocaleString('en-GB', { maximumFractionDigits: 2 })} billion`;
    if (value >= 1e6) return `£${(value / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
    return `£${value.toLocaleString('en-GB')}`;
  }
  return value.toLocaleString('en-GB');
}

export function formatRange(start?: string, end?: string): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `since ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return '';
}

/** A note on how a copy was read: "(via inkl)", "(mirror; secondary source)", "(cached)". */
const HOW_READ = /\s*\(([^()]*\b(via|mirror|secondary source|cached|copy|hosted)\b[^()]*)\)\s*$/i;

/**
 * A source's publisher as a reader knows it ("The Standard", "Wikipedia"): how a copy was read
 * (a mirror, an aggregator, a cache) is for the research log, not the card.
 */
export function readerPublisher(publisher: string): string {
  const note = HOW_READ.exec(publisher);
  if (!note) return publisher;
  return /wikipedia/i.test(note[1]!) ? 'Wikipedia' : publisher.slice(0, note.index).trim();
}
