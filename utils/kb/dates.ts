/** KB dates have the precision their source gave (YYYY, YYYY-MM, YYYY-MM-DD). */

/**
 * The last day a date covers, for ordering: a figure for the whole of 2024 is later than one
 * for January 2024, though "2024" sorts before "2024-01" as text.
 */
export function periodEnd(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day) return iso;
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(last).padStart(2, '0')}`;
  }
  return `${year}-12-31`;
}

/** The first day a date covers ("2022" → "2022-01-01"). */
export function periodStart(iso: string): string {
  const [year, month = '01', day = '01'] = iso.split('-');
  return `${year}-${month}-${day}`;
}

/** Sorts dated items oldest first by the end of the period each covers. */
export function byPeriod<T extends { date: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => periodEnd(a.date).localeCompare(periodEnd(b.date)) || a.date.length - b.date.length);
}

/** Whether a dated event definitely came after the whole of a reference date (an article's). */
export function isAfter(date: string, reference: string): boolean {
  return periodStart(date) > periodEnd(reference);
}

/** Today in the KB's date format (YYYY-MM-DD, UTC), as cards compare the article's date with it. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
