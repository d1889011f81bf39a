/**
 * The popup's timeline: the dated events behind the entities a page mentions (key dates, and
 * the start and end of people's roles), placed on one axis with the article's own date, so a
 * reader sees at a glance how old the things an article refers to are.
 */
import type { Entity, EntityType } from '../kb/schema';
import { formatDate } from '../card/format';
import { TIMELINE_MAX_EVENTS } from '../constants';

export interface TimelineEvent {
  date: string;
  when: string;
  label: string;
  entityId: string;
  name: string;
  type: EntityType;
  /** Position on the axis, 0 (left) to 1 (right). */
  x: number;
}

export interface TimelineModel {
  events: TimelineEvent[];
  article?: { date: string; when: string; x: number };
  /** Year marks along the axis. */
  ticks: { year: number; x: number }[];
  /** How many older events were left out to keep the picture readable. */
  omitted: number;
}

/** A partial ISO date as a fractional year, at the start of the period it names. */
export function yearFraction(iso: string): number {
  const [year, month = '1', day = '1'] = iso.split('-');
  return Number(year) + (Number(month) - 1) / 12 + (Number(day) - 1) / 365;
}

/** Years between tick marks: roughly five marks whatever the span. */
function tickStep(span: number): number {
  return [1, 2, 5, 10, 20, 50].find((step) => span / step <= 6) ?? 100;
}

function eventsOf(entity: Entity): Omit<TimelineEvent, 'x' | 'when'>[] {
  const base = { entityId: entity.id, name: entity.name, type: entity.type };
  const dated = (entity.dates ?? []).map((d) => ({ ...base, date: d.date, label: d.label }));
  const roles = (entity.roles ?? []).flatMap((r) => [
    ...(r.start ? [{ ...base, date: r.start, label: `Began: ${r.title}` }] : []),
    ...(r.end ? [{ ...base, date: r.end, label: `Ended: ${r.title}` }] : []),
  ]);
  return [...dated, ...roles];
}

export function buildTimeline(entities: readonly Entity[], articleDate?: string): TimelineModel | null {
  const all = entities
    .flatMap(eventsOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  if (all.length === 0) return null;
  const kept = all.slice(-TIMELINE_MAX_EVENTS);
  const years = [...kept.map((e) => yearFraction(e.date)), ...(articleDate ? [yearFraction(articleDate)] : [])];
  const first = Math.floor(Math.min(...years));
  const last = Math.floor(Math.max(...years)) + 1;
  const span = last - first;
  const x = (iso: string) => (yearFraction(iso) - first) / span;
  const step = tickStep(span);
  const ticks: TimelineModel['ticks'] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push({ year, x: (year - first) / span });
  return {
    events: kept.map((e) => ({ ...e, when: formatDate(e.date), x: x(e.date) })),
    ...(articleDate ? { article: { date: articleDate, when: formatDate(articleDate), x: x(articleDate) } } : {}),
    ticks,
    omitted: all.length - kept.length,
  };
}
