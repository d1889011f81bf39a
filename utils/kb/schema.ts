/**
 * The knowledge base's shape, checked at runtime with valibot so a malformed bundle or import
 * is rejected with a message that names the entry and field at fault.
 */
import * as v from 'valibot';
import { PERIOD_KINDS } from './periods';

/** ISO calendar date at the precision the source gives: year, year-month or full day. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const Source = v.strictObject({
  publisher: v.pipe(v.string(), v.minLength(2)),
  title: v.pipe(v.string(), v.minLength(3)),
  date: IsoDate,
  /** Only when the page was actually read; always https. */
  url: v.optional(v.pipe(v.string(), v.url(), v.startsWith('https://', 'source address must be https'))),
});

export const ENTITY_TYPES = [
  'inquiry',
  'review',
  'report',
  'plan',
  'monitoring',
  'operation',
  'case',
  'person',
  'organisation',
  'statistic',
] as const;
export const EntityType = v.picklist(ENTITY_TYPES);

export const Alias = v.strictObject({
  text: v.pipe(v.string(), v.minLength(2)),
  /** Match only with this exact capitalisation ("the Met", never the verb "met"). */
  caseSensitive: v.optional(v.boolean()),
  /**
   * A short form (a surname, "Sir Mark") that is annotated only after one of the entity's
   * full-name aliases has appeared earlier on the page.
   */
  afterFullName: v.optional(v.boolean()),
  /** Words that, directly after the alias, mean it names something else ("Met" + "Office"). */
  notFollowedBy: v.optional(v.array(v.string())),
  /** Words that, directly before the alias, mean it names something else ("Scottish" + "Police Federation"). */
  notPrecededBy: v.optional(v.array(v.string())),
  /** At least one of these must appear in the same sentence (for ambiguous aliases). */
  context: v.optional(v.array(v.string())),
});

export const KeyDate = v.strictObject({
  date: IsoDate,
  label: v.pipe(v.string(), v.minLength(3)),
});

export const Role = v.strictObject({
  title: v.string(),
  start: v.optional(IsoDate),
  end: v.optional(IsoDate),
  /**
   * Held together with the roles that begin after it (a seat in Parliament with a ministry):
   * its missing end is not an oversight. Without it, a role with no end that is followed by a
   * later one is taken to have ended, and the bundle test asks for its end.
   */
  alongside: v.optional(v.boolean()),
});

export const PeriodKind = v.picklist(PERIOD_KINDS);

export const StatValue = v.strictObject({
  value: v.number(),
  /** The period the figure describes (a year, a month, a day); for spans, the month they end. */
  date: IsoDate,
  /** The period in words, as the source gives it ("12 months to March 2023"). */
  label: v.optional(v.string()),
  /** The kind of span `date` stands for; the bundled KB gives it for every value. */
  period: v.optional(PeriodKind),
  source: Source,
});

export const Statistic = v.strictObject({
  /** What is measured, in words a reader understands. */
  measure: v.string(),
  /**
   * Exactly what population or thing is counted, and at which stage ("Met officers dismissed,
   * all routes"), so a figure about a part or another stage is told apart. The bundled KB gives it.
   */
  subject: v.optional(v.string()),
  unit: v.picklist(['percent', 'gbp', 'count']),
  values: v.pipe(v.array(StatValue), v.minLength(1)),
  /**
   * Words that tie a number in the same sentence to this measure: every group must match,
   * any phrase within a group will do.
   */
  cues: v.pipe(v.array(v.pipe(v.array(v.string()), v.minLength(1))), v.minLength(1)),
});

/**
 * A sourced figure about an entity (an inquiry's recommendations, a case's offences and victims,
 * an operation's arrests, a plan's promised officers), tied to a number on the page when the
 * entity is named in the same or the previous sentence and one of `words` names what the
 * number counts.
 */
export const KeyFigure = v.strictObject({
  value: v.number(),
  unit: v.picklist(['percent', 'gbp', 'count']),
  /**
   * What the number counts, as a page writes it right after the number ("recommendations",
   * "counts of rape", "officers"): any one will do. For counts the words must follow the number.
   */
  words: v.pipe(v.array(v.pipe(v.string(), v.minLength(2))), v.minLength(1)),
  /** The figure in a reader's words: "recommendations made by the review". */
  label: v.pipe(v.string(), v.minLength(3)),
  /** When the figure was true or stated (a verdict, a report's publication). */
  date: IsoDate,
  source: Source,
});

export const Entity = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case')),
  type: EntityType,
  name: v.pipe(v.string(), v.minLength(2)),
  aliases: v.array(Alias),
  summary: v.pipe(
    v.string(),
    v.minLength(20),
    v.check((s) => s.trim().split(/\s+/).length <= 60, 'summary is at most 60 words'),
  ),
  roles: v.optional(v.array(Role)),
  dates: v.optional(v.array(KeyDate)),
  related: v.optional(v.array(v.string())),
  stat: v.optional(Statistic),
  /** Sourced key figures of this entry (not for statistics, whose values are their series). */
  figures: v.optional(v.array(KeyFigure)),
  /**
   * Known well beyond the Met's story (a Home Secretary, a national inspector, an inquiry into
   * every force): naming it does not by itself tie a page to the Met. People, cases,
   * operations, inquiries, reviews, reports and plans without it belong to the Met's story.
   */
  wider: v.optional(v.boolean()),
  sources: v.pipe(v.array(Source), v.minLength(1, 'every entity needs a source')),
  /** When the entry was last checked against its sources. */
  checked: IsoDate,
});

export const KnowledgeBase = v.strictObject({
  version: v.string(),
  entities: v.array(Entity),
});

export type Source = v.InferOutput<typeof Source>;
export type EntityType = v.InferOutput<typeof EntityType>;
export type Alias = v.InferOutput<typeof Alias>;
export type KeyDate = v.InferOutput<typeof KeyDate>;
export type Role = v.InferOutput<typeof Role>;
export type StatValue = v.InferOutput<typeof StatValue>;
export type PeriodKind = v.InferOutput<typeof PeriodKind>;
export type Statistic = v.InferOutput<typeof Statistic>;
export type KeyFigure = v.InferOutput<typeof KeyFigure>;
export type Entity = v.InferOutput<typeof Entity>;
export type KnowledgeBase = v.InferOutput<typeof KnowledgeBase>;
