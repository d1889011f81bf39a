/**
 * Checks the knowledge base against itself: things any reader of the whole KB could see are
 * wrong without looking anything up. Each check returns a list of problems, in words that name
 * the entries at fault; the bundle test expects every list to be empty.
 */
import type { Entity, Role } from './schema';
import { periodEnd, periodStart } from './dates';

/**
 * Offices one person holds at a time, by the role titles the KB gives them. An acting or
 * interim holder fills the same office, so holds it alone too.
 */
const SINGLE_HOLDER_OFFICES: readonly [office: string, title: RegExp][] = [
  ['Home Secretary', /^Home Secretary$/],
  ['Commissioner of the Metropolitan Police', /^(Acting |Interim )?Commissioner of the Metropolitan Police$/],
  ['Deputy Commissioner of the Metropolitan Police', /^(Acting |Interim )?Deputy Commissioner of the Metropolitan Police$/],
  ['Mayor of London', /^Mayor of London$/],
  ['Director General of the IOPC', /^Director General, Independent Office for Police Conduct$/],
  ['HM Chief Inspector of Constabulary', /^HM Chief Inspector of Constabulary/],
  ['Chair of the National Police Chiefs’ Council', /^Chair, National Police Chiefs' Council$/],
  ['Chair of the London Assembly Police and Crime Committee', /^Chair, London Assembly Police and Crime Committee$/],
  ['Chair of the Metropolitan Police Authority', /^Chair of the Metropolitan Police Authority$/],
  ['Victims’ Commissioner for England and Wales', /^Victims' Commissioner for England and Wales$/],
  ['London Victims’ Commissioner', /^London Victims' Commissioner$/],
];

/**
 * The span a role was certainly held, as comparable days: from the last day its start could be
 * to the first day its end could be ("2005" starts by 31 December 2005; "2022-09" ends from 1
 * September). An unknown start is taken as late as the end; a missing end means still held.
 * An empty span (a start and end within one period of the sources' precision) claims nothing.
 */
function certainSpan(role: Role): { from: string; to: string } | null {
  const to = role.end ? periodStart(role.end) : '9999-12-31';
  const from = role.start ? periodEnd(role.start) : to;
  return from <= to ? { from, to } : null;
}

const describeRole = (e: Entity, r: Role) => `${e.id} (${r.start ?? '?'}–${r.end ?? 'no end'})`;

/**
 * Two people holding a single-holder office at once. A role's end and its successor's start may
 * share a year or month (dates have the precision their sources give), so only the spans each
 * certainly covers are compared, and touching spans do not overlap. Roles with neither a start
 * nor an end say nothing about when and are not compared.
 */
export function overlappingOffices(entities: readonly Entity[]): string[] {
  const holders = new Map<string, { entity: Entity; role: Role }[]>();
  for (const entity of entities) {
    for (const role of entity.roles ?? []) {
      if (!role.start && !role.end) continue;
      const office = SINGLE_HOLDER_OFFICES.find(([, title]) => title.test(role.title))?.[0];
      if (office) holders.set(office, [...(holders.get(office) ?? []), { entity, role }]);
    }
  }
  const problems: string[] = [];
  for (const [office, list] of holders) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.entity === b.entity) continue;
        const sa = certainSpan(a.role);
        const sb = certainSpan(b.role);
        if (sa && sb && sa.from < sb.to && sb.from < sa.to) {
          problems.push(`${office}: ${describeRole(a.entity, a.role)} overlaps ${describeRole(b.entity, b.role)}`);
        }
      }
    }
  }
  return problems;
}

/**
 * A role with no end that is followed by another role of the same person starting later: the
 * holder moved on, so the earlier role ended. Roles held together (a seat in Parliament with a
 * ministry) are marked `alongside`; a role with no start cannot be placed before another.
 */
export function unendedRoles(entities: readonly Entity[]): string[] {
  const problems: string[] = [];
  for (const entity of entities) {
    const roles = entity.roles ?? [];
    for (const role of roles) {
      // With no start, nothing can be said to have begun after it.
      if (role.end || role.alongside || !role.start) continue;
      const from = periodStart(role.start);
      const later = roles.find((other) => other !== role && other.start && periodStart(other.start) > from);
      if (later) problems.push(`${entity.id}: “${role.title}” has no end, but “${later.title}” began ${later.start}`);
    }
  }
  return problems;
}

/** "is due to start in January 2026", "will take up": words that speak of what has not happened yet. */
const FUTURE_TENSE = /\b(will|is due to|are due to|due to (start|begin|take)|is to (start|begin|take|become)|is set to|are set to)\b/i;
/** A date as written in a summary: "January 2026", "2026". */
const MONTH_YEAR = /\b(January|February|March|April|May|June|July|August|September|October|November|December)? ?((?:19|20)\d\d)\b/g;
const MONTH_NUMBER: Record<string, string> = {
  January: '01', February: '02', March: '03', April: '04', May: '05', June: '06',
  July: '07', August: '08', September: '09', October: '10', November: '11', December: '12',
};

/**
 * A summary that speaks of a dated event in the future tense after that date has passed (by the
 * entry's `checked` date): "a national post due to start in January 2026", read in 2026-12.
 */
export function staleFutureTense(entities: readonly Entity[]): string[] {
  const problems: string[] = [];
  for (const entity of entities) {
    for (const sentence of entity.summary.split(/(?<=\.)\s+/)) {
      if (!FUTURE_TENSE.test(sentence)) continue;
      // The latest date the sentence names is the one it looks forward to.
      const dates = [...sentence.matchAll(MONTH_YEAR)].map(([, month, year]) => ({ text: month ? `${month} ${year}` : year!, iso: month ? `${year}-${MONTH_NUMBER[month]}` : year! }));
      const latest = dates.sort((a, b) => periodStart(a.iso).localeCompare(periodStart(b.iso))).at(-1);
      if (latest && periodStart(latest.iso) <= entity.checked) {
        problems.push(`${entity.id}: “${sentence.trim()}” speaks of ${latest.text} as still to come, but the entry was checked on ${entity.checked}`);
      }
    }
  }
  return problems;
}
