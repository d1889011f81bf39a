/**
 * What was true at the article's date, from KB dates at the precision their sources gave.
 * Only definite answers count: a role that ended "in 2022-04" is neither held nor ended on an
 * article dated 10 April 2022, and the card then says nothing rather than something wrong.
 */
import type { Role } from '../kb/schema';
import { isAfter, periodEnd, periodStart } from '../kb/dates';
import { formatDate } from './format';

/** Whether a dated event definitely came before the article's date began. */
function isBefore(date: string, articleDate: string): boolean {
  return periodEnd(date) < periodStart(articleDate);
}

export type Holding = 'held' | 'not-yet' | 'ended' | 'unknown';

/** Whether a role was held on a date; a role without an end is current as of the KB's check. */
export function holdingAt(role: Role, date: string): Holding {
  if (role.start && isAfter(role.start, date)) return 'not-yet';
  if (role.end && isBefore(role.end, date)) return 'ended';
  const started = role.start ? periodEnd(role.start) <= periodStart(date) : false;
  const notEnded = !role.end || isAfter(role.end, date);
  return started && notEnded ? 'held' : 'unknown';
}

function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * "At the time of this article (March 2025), Yvette Cooper was Home Secretary (until September
 * 2025) and had not yet become Foreign Secretary (from September 2025)." — only for roles whose
 * standing at the article's date is known and differs from today's; undefined otherwise.
 */
export function rolesAtArticleDate(name: string, roles: readonly Role[], articleDate: string, today: string): string | undefined {
  const was: string[] = [];
  const notYet: string[] = [];
  for (const role of roles) {
    const then = holdingAt(role, articleDate);
    const now = holdingAt(role, today);
    if (then === 'unknown' || now === 'unknown' || then === now) continue;
    if (then === 'held') was.push(`was ${role.title}${role.end ? ` (until ${formatDate(role.end)})` : ''}`);
    else if (then === 'not-yet') notYet.push(`had not yet become ${role.title}${role.start ? ` (from ${formatDate(role.start)})` : ''}`);
  }
  const changes = [...was, ...notYet];
  if (!changes.length) return undefined;
  return `At the time of this article (${formatDate(articleDate.slice(0, 7))}), ${name} ${list(changes)}.`;
}
