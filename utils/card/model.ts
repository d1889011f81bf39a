/**
 * Turns a KB entity (and, for statistics, what the page says) into the plain view-model the
 * card renders. All wording decisions live here, so the component only draws.
 */
import type { Entity, EntityType, Source, StatValue } from '../kb/schema';
import { PERIOD_KINDS } from '../kb/periods';
import type { RelatedEntity } from '../messages';
import type { StatReading } from '../match/types';
import { formatDate, formatRange, formatValue, readerPublisher } from './format';
import { byPeriod, isAfter } from '../kb/dates';
import { rolesAtArticleDate } from './timing';

export const TYPE_LABELS: Record<EntityType, string> = {
  inquiry: 'Inquiry',
  review: 'Review',
  report: 'Report',
  plan: 'Plan',
  monitoring: 'Monitoring',
  operation: 'Operation',
  case: 'Case',
  person: 'Person',
  organisation: 'Organisation',
  statistic: 'Statistic',
};

export interface CardSource {
  publisher: string;
  title: string;
  date: string;
  /** Present only for https addresses. */
  url?: string;
}

export interface CardFact {
  label: string;
  when: string;
  /** The fact dates from after the article was published. */
  afterArticle: boolean;
}

/** What the card knows about the reader's moment, besides the entity. */
export interface CardContext {
  /** What the page says, for statistics. */
  reading?: StatReading;
  /** The article's publication date (KB date format), when the page gives one. */
  articleDate?: string;
  /** Today (KB date format); the card compares the article's date with it. */
  today?: string;
  /** The reader's private note on the entity. */
  note?: string;
}

/** Types whose dated steps tell their status (commissioned, published, closed). */
const PROCESS_TYPES: ReadonlySet<EntityType> = new Set(['inquiry', 'review', 'report', 'plan', 'monitoring', 'operation', 'case']);

/** What a card says instead of an entry, wherever it opens (on a page, in the side panel). */
export const CARD_LOADING = 'Loading…';
export const CARD_NOT_IN_KB = 'This entry is not in the knowledge base.';
export const cardNotLoaded = (error: string) => `The card could not be loaded: ${error}`;

export interface CardModel {
  id: string;
  typeLabel: string;
  type: EntityType;
  name: string;
  summary: string;
  /** Heading over the facts: "Roles and dates" for people, "Key dates" for everything else. */
  factsTitle: string;
  /** Roles with dates (people) and key dates (everything else), oldest first. */
  facts: CardFact[];
  /** For people: what differed at the article's date ("At the time of this article (…), … was …"). */
  atArticle?: string;
  /** For inquiries, reviews, reports and the like: the latest dated step, as their status now. */
  latestStep?: string;
  stat?: {
    measure: string;
    latest: { value: string; date: string; source: string };
    series: { date: string; value: number; label: string }[];
    /** What the page says, and whether it differs from the sourced figure. */
    page?: { value: string; differs: boolean; note: string };
  };
  /** Sourced key figures (a case's offences, a review's recommendations), the one on the page first. */
  figures?: {
    items: { text: string; source: string; onPage: boolean }[];
    /** What the page says about one of them, and whether it differs from the sourced figure. */
    page?: { differs: boolean; note: string };
  };
  sources: CardSource[];
  related: RelatedEntity[];
  checked: string;
  /** The reader's private note, shown as they wrote it (as text). */
  note?: string;
}

function cardSource(source: Source): CardSource {
  const safe = source.url?.startsWith('https://') ? source.url : undefined;
  return {
    publisher: readerPublisher(source.publisher),
    title: source.title,
    date: formatDate(source.date),
    ...(safe ? { url: safe } : {}),
  };
}

/** Two copies of one article (read through two aggregators) are one source to the reader. */
function distinctSources(sources: CardSource[]): CardSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.publisher}|${s.title}|${s.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A sourced figure's citation on the card: "Police Professional, 23 January 2025". */
function cite(source: Source): string {
  return `${readerPublisher(source.publisher)}, ${formatDate(source.date)}`;
}

/** The page's figure as the card quotes it ("~" for "around", "more than" and the like). */
function shownFigure(reading: StatReading, unit: Parameters<typeof formatValue>[1]): string {
  return `${reading.approximate ? '~' : ''}${formatValue(reading.value, unit)}`;
}

function withoutComparison(reading: StatReading): StatReading {
  const { kbValue: _kbValue, ...rest } = reading;
  return { ...rest, differs: false };
}

/** A value's period as the card names it: its date for a whole year or month, else its label. */
function periodText(v: StatValue): string {
  if (v.period === 'unstated') return 'period not stated';
  const whole = !v.period || v.period === 'calendar-year' || v.period === 'month';
  return whole || !v.label ? formatDate(v.date) : v.label;
}

/** "86.2% for 2024", or "100, period not stated". */
function valueWithPeriod(v: StatValue, unit: Parameters<typeof formatValue>[1]): string {
  return `${formatValue(v.value, unit)}${v.period === 'unstated' ? ', period not stated' : ` for ${periodText(v)}`}`;
}

/**
 * The values drawn as one series: those of the kind that covers the most distinct periods
 * (calendar years before financial years and the rest when as many), so a half-year or a count
 * at a date is not drawn as if it were a year.
 */
function seriesOf(values: readonly StatValue[]): StatValue[] {
  const dates = new Map<string, Set<string>>();
  for (const v of values) {
    const kind = v.period ?? '';
    dates.set(kind, (dates.get(kind) ?? new Set()).add(v.date));
  }
  const rank = (kind: string) => (PERIOD_KINDS as readonly string[]).indexOf(kind);
  const [kind] = [...dates.keys()].sort((a, b) => dates.get(b)!.size - dates.get(a)!.size || rank(a) - rank(b));
  return values.filter((v) => (v.period ?? '') === kind);
}

function statModel(entity: Entity, reading?: StatReading): CardModel['stat'] {
  const stat = entity.stat;
  if (!stat) return undefined;
  const values = byPeriod(stat.values);
  const latest = values[values.length - 1]!;
  const page = reading && (() => {
    const shown = shownFigure(reading, stat.unit);
    const kb = reading.kbValue;
    const sourced = kb && values.find((v) => v.date === kb.date && v.value === kb.value);
    const named = sourced ? `${valueWithPeriod(sourced, stat.unit)} (${cite(sourced.source)})` : '';
    // Exactly what was compared, and nothing stronger than the evidence.
    const note = !sourced
      ? reading.period
        ? `No sourced figure for ${formatDate(reading.period)} to compare with.`
        : 'The page does not say which period this figure is for, so it is not compared.'
      : reading.differs
        ? `This page: ${shown}${reading.period ? ` for ${formatDate(reading.period)}` : ''}. Sourced: ${named}.`
        : `Matches the sourced figure: ${named}.`;
    return { value: shown, differs: reading.differs && Boolean(sourced), note };
  })();
  return {
    measure: stat.measure,
    latest: {
      value: formatValue(latest.value, stat.unit),
      date: periodText(latest),
      source: cite(latest.source),
    },
    series: seriesOf(values).map((v) => ({ date: v.date, value: v.value, label: `${periodText(v)}: ${formatValue(v.value, stat.unit)}` })),
    ...(page ? { page } : {}),
  };
}

function figuresModel(entity: Entity, reading?: StatReading): CardModel['figures'] {
  const figures = entity.figures ?? [];
  if (!figures.length) return undefined;
  const tied = reading?.figure !== undefined ? figures[reading.figure] : undefined;
  const described = (f: (typeof figures)[number]) => `${formatValue(f.value, f.unit)} ${f.label}`;
  const items = figures
    .map((f, i) => ({ text: described(f), source: cite(f.source), onPage: i === reading?.figure }))
    .sort((a, b) => Number(b.onPage) - Number(a.onPage));
  if (!tied || !reading) return { items };
  const shown = shownFigure(reading, tied.unit);
  // Neutral words: the page and the source disagree; which is right is for the reader to judge.
  const note = reading.differs
    ? `This page: ${shown}. Sourced: ${described(tied)} (${cite(tied.source)}).`
    : `Matches the sourced figure: ${described(tied)} (${cite(tied.source)}).`;
  return { items, page: { differs: reading.differs, note } };
}

export function buildCardModel(entity: Entity, related: RelatedEntity[], context: CardContext = {}): CardModel {
  const { reading, articleDate, today, note } = context;
  const later = (date: string | undefined) => Boolean(articleDate && date && isAfter(date, articleDate));
  const roles = (entity.roles ?? []).map((r) => ({ label: r.title, when: formatRange(r.start, r.end), sort: r.start ?? '', afterArticle: later(r.start) }));
  const dates = (entity.dates ?? []).map((d) => ({ label: d.label, when: formatDate(d.date), sort: d.date, afterArticle: later(d.date) }));
  const facts = [...roles, ...dates].sort((a, b) => a.sort.localeCompare(b.sort)).map(({ sort: _sort, ...fact }) => fact);
  // A page cannot report a value sourced after it was published: whatever agreed or differed
  // with it, the page's figure is for an earlier time, so it is not compared.
  const stat = statModel(entity, reading?.kbValue && later(reading.kbValue.date) ? withoutComparison(reading) : reading);
  const figures = figuresModel(entity, reading);
  const atArticle = articleDate && today && entity.roles ? rolesAtArticleDate(entity.name, entity.roles, articleDate, today) : undefined;
  const lastDate = PROCESS_TYPES.has(entity.type) ? byPeriod(entity.dates ?? []).at(-1) : undefined;
  return {
    id: entity.id,
    type: entity.type,
    typeLabel: TYPE_LABELS[entity.type],
    name: entity.name,
    summary: entity.summary,
    factsTitle: entity.type === 'person' ? 'Roles and dates' : 'Key dates',
    facts,
    ...(atArticle ? { atArticle } : {}),
    ...(lastDate ? { latestStep: `Latest: ${lastDate.label} (${formatDate(lastDate.date)}).` } : {}),
    ...(stat ? { stat } : {}),
    ...(figures ? { figures } : {}),
    sources: distinctSources(entity.sources.map(cardSource)),
    related,
    checked: formatDate(entity.checked),
    ...(note ? { note } : {}),
  };
}
