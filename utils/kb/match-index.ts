/**
 * The compact match index the background hands to each content script: only what matching
 * needs (names, aliases and their rules, statistics' and key figures' cues and values). Details of an entity
 * are fetched when its card opens.
 */
import type { Alias, Entity, EntityType, PeriodKind, Statistic } from './schema';
import { patternWords } from '../match/tokens';
import { genderOf, surnameOf, type TitleGender } from '../match/titles';

export interface IndexedEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Belongs to the Met's own story (its officers, its cases): see `metStory`. */
  metStory?: true;
}

/** The types whose entries, unless marked `wider`, belong to the Met's own story. */
const STORY_TYPES: ReadonlySet<EntityType> = new Set(['person', 'case', 'operation', 'inquiry', 'review', 'report', 'plan']);

/** Whether naming an entity ties a page to the Met: people and cases of its story, not national figures or bodies. */
export function metStory(entity: Pick<Entity, 'type' | 'wider'>): boolean {
  return STORY_TYPES.has(entity.type) && !entity.wider;
}

export interface IndexedAlias extends Alias {
  /** Position of the entity in `MatchIndex.entities`. */
  entity: number;
  /** The alias split into words as written: done once here rather than on every page. */
  words: string[];
}

export interface IndexedStatistic {
  entity: number;
  unit: Statistic['unit'];
  cues: string[][];
  values: { value: number; date: string; period?: PeriodKind }[];
  /**
   * Set for an entry's key figure (its position in the entry's `figures`): tied only when the
   * entry is named in the same or the previous sentence, its one cue group the figure's words.
   */
  keyFigure?: number;
}

/** A surname people in the KB share, for "Mr Carrick" and "Sgt Blake" after the full name. */
export interface IndexedSurname {
  /** The surname's words as written ("Hogan-Howe": two words). */
  words: string[];
  people: { entity: number; gender?: TitleGender }[];
}

export interface MatchIndex {
  kbVersion: string;
  entities: IndexedEntity[];
  aliases: IndexedAlias[];
  stats: IndexedStatistic[];
  surnames: IndexedSurname[];
}

/**
 * The words that may stand in for an alias's context: its own, and the full names of the
 * entity's related entries ("Gary Dobson and David Norris": a suspect named with his
 * co-defendant needs no "murder" in the sentence).
 */
function widenedContext(alias: Alias, entity: Entity, byId: ReadonlyMap<string, Entity>): string[] | undefined {
  if (!alias.context) return undefined;
  const related = (entity.related ?? []).flatMap((id) => {
    const other = byId.get(id);
    // Full names only: a related entry's bare surname is no sign of the story.
    return other ? other.aliases.filter((a) => !a.afterFullName).map((a) => a.text) : [];
  });
  return [...new Set([...alias.context, ...related])];
}

export function buildMatchIndex(kbVersion: string, entities: readonly Entity[]): MatchIndex {
  const index: MatchIndex = { kbVersion, entities: [], aliases: [], stats: [], surnames: [] };
  const surnames = new Map<string, IndexedSurname>();
  const byId = new Map(entities.map((e) => [e.id, e]));
  entities.forEach((entity, position) => {
    index.entities.push({ id: entity.id, type: entity.type, name: entity.name, ...(metStory(entity) ? { metStory: true as const } : {}) });
    for (const alias of entity.aliases) {
      const context = widenedContext(alias, entity, byId);
      index.aliases.push({ ...alias, ...(context ? { context } : {}), entity: position, words: patternWords(alias.text).cased });
    }
    const surname = entity.type === 'person' ? surnameOf(entity.name) : null;
    if (surname) {
      const key = surname.join(' ').toLowerCase();
      if (!surnames.has(key)) surnames.set(key, { words: surname, people: [] });
      const gender = genderOf([entity.name, ...entity.aliases.map((a) => a.text)], entity.summary);
      surnames.get(key)!.people.push(gender ? { entity: position, gender } : { entity: position });
    }
    if (entity.stat) {
      index.stats.push({
        entity: position,
        unit: entity.stat.unit,
        cues: entity.stat.cues,
        values: entity.stat.values.map(({ value, date, period }) => ({ value, date, ...(period ? { period } : {}) })),
      });
    }
    (entity.figures ?? []).forEach((figure, keyFigure) => {
      index.stats.push({ entity: position, unit: figure.unit, cues: [figure.words], values: [{ value: figure.value, date: figure.date }], keyFigure });
    });
  });
  index.surnames = [...surnames.values()];
  return index;
}
