/**
 * The background's KB service: seeds IndexedDB from the bundle, answers lookups from it, and
 * falls back to the bundle held in memory when IndexedDB cannot be opened or fails, saying so.
 */
import * as v from 'valibot';
import { Entity, KnowledgeBase } from './schema';
import { buildMatchIndex, type MatchIndex } from './match-index';
import { PageMatcher } from '../match/page-matcher';
import { openKbDb, readAllEntities, readEntity, seedBundledKb, type KbDb } from './db';
import {
  deleteCorrection,
  deleteUserEntity,
  parseCorrection,
  readCorrections,
  saveCorrection,
  parseUserData,
  parseUserEntity,
  readNote,
  readUserData,
  readUserEntities,
  saveNote,
  saveUserEntity,
  writeUserData,
  type UserData,
} from './user-data';
import type { EntityReply, KbOverview, KbStatus, RelatedEntity } from '../messages';
import type { StoredCorrection } from '../corrections/correction';

export type BundleLoader = () => Promise<unknown>;

/** Checks a bundle against the schema; the error names the first entry and field at fault. */
export function parseKnowledgeBase(data: unknown): KnowledgeBase {
  const result = v.safeParse(KnowledgeBase, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
  throw new Error(`The knowledge base is invalid at ${path}: ${issue.message}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class KbService {
  private bundle?: Promise<KnowledgeBase>;
  private db?: Promise<KbDb | null>;
  private problem?: string;
  private index?: Promise<MatchIndex>;

  constructor(
    private readonly loadBundle: BundleLoader,
    private readonly openDb: () => Promise<KbDb> = openKbDb,
  ) {}

  private bundled(): Promise<KnowledgeBase> {
    this.bundle ??= this.loadBundle().then(parseKnowledgeBase);
    return this.bundle;
  }

  /** The seeded database, or null when IndexedDB is unavailable (the bundle serves instead). */
  private database(): Promise<KbDb | null> {
    this.db ??= (async () => {
      const kb = await this.bundled();
      try {
        const db = await this.openDb();
        await seedBundledKb(db, kb);
        return db;
      } catch (error) {
        this.problem = `IndexedDB could not be used (${describe(error)}); the built-in knowledge base is served from memory.`;
        return null;
      }
    })();
    return this.db;
  }

  /** Seeds now (on install and update) rather than on the first page. */
  async prepare(): Promise<void> {
    await this.database();
  }

  private async withDb<T>(fromDb: (db: KbDb) => Promise<T>, fromMemory: (kb: KnowledgeBase) => T): Promise<T> {
    const db = await this.database();
    if (db) {
      try {
        return await fromDb(db);
      } catch (error) {
        this.problem = `Reading IndexedDB failed (${describe(error)}); the built-in knowledge base is served from memory.`;
      }
    }
    return fromMemory(await this.bundled());
  }

  /**
   * Reads bundled entries back and checks them against the schema. A damaged or missing one
   * (a disk fault, an interrupted write, another tool editing the profile) means the bundled
   * store is re-seeded from the bundle, and the read is repeated; the reader's data is untouched.
   */
  private async checked<T extends Entity | Entity[] | undefined>(
    db: KbDb,
    read: (db: KbDb) => Promise<T>,
    expectedId?: string,
  ): Promise<T> {
    const value = await read(db);
    const records: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const missing = value === undefined && expectedId !== undefined && (await this.bundled()).entities.some((e) => e.id === expectedId);
    if (!missing && records.every((record) => v.is(Entity, record))) return value;
    await seedBundledKb(db, await this.bundled(), { force: true });
    this.repairs++;
    return read(db);
  }

  /** How many times damaged records were repaired from the bundle (in this worker's life). */
  repairs = 0;

  /** Bundled entries (checked, repaired if damaged), then the reader's own (matched on pages like bundled ones). */
  async allEntities(): Promise<Entity[]> {
    return this.withDb(
      async (db) => [...(await this.checked(db, readAllEntities)), ...(await readUserEntities(db))],
      (kb) => kb.entities,
    );
  }

  async matchIndex(): Promise<MatchIndex> {
    this.index ??= (async () => {
      const kb = await this.bundled();
      const [bundled, own] = await this.withDb<[Entity[], Entity[]]>(
        async (db) => [await this.checked(db, readAllEntities), await readUserEntities(db)],
        (memory) => [memory.entities, []],
      );
      // A reader's own entry is highlighted like a built-in one but, being theirs, never decides
      // on its own that a page is about the Met.
      return buildMatchIndex(kb.version, [...bundled, ...own.map((e) => ({ ...e, wider: true }))]);
    })();
    return this.index;
  }

  async entity(id: string): Promise<EntityReply | null> {
    const found = await this.withDb(
      async (db) => {
        const bundled = await this.checked(db, (d) => readEntity(d, id), id);
        const entity = bundled ?? (await db.get('userEntities', id));
        return entity && { entity, note: (await readNote(db, id))?.text, own: !bundled };
      },
      (kb) => {
        const entity = kb.entities.find((e) => e.id === id);
        return entity && { entity, note: undefined, own: false };
      },
    );
    if (!found) return null;
    const index = await this.matchIndex();
    const related = (found.entity.related ?? [])
      .map((rid) => index.entities.find((e) => e.id === rid))
      .filter((e): e is RelatedEntity => Boolean(e))
      .map(({ id: rid, type, name }) => ({ id: rid, type, name }));
    return { entity: found.entity, related, ...(found.note ? { note: found.note } : {}), ...(found.own ? { own: true } : {}) };
  }

  /** Version, counts by type and every entry's name, for the options page. */
  async overview(): Promise<KbOverview> {
    const kb = await this.bundled();
    const bundledIds = new Set(kb.entities.map((e) => e.id));
    const all = await this.allEntities();
    const db = await this.database();
    const notes = db && !this.problem ? await db.getAllKeys('notes') : [];
    const counts: KbOverview['counts'] = {};
    for (const e of all) counts[e.type] = (counts[e.type] ?? 0) + 1;
    return {
      status: await this.status(),
      counts,
      entries: all
        .map((e) => ({ id: e.id, type: e.type, name: e.name, own: !bundledIds.has(e.id), noted: notes.includes(e.id) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** The reader's data needs IndexedDB; from memory there is nowhere safe to keep it. */
  private async writable(): Promise<KbDb> {
    const db = await this.database();
    if (!db || this.problem) throw new Error(this.problem ?? 'IndexedDB is not available, so your additions cannot be saved.');
    return db;
  }

  private async bundledIds(): Promise<Set<string>> {
    return new Set((await this.bundled()).entities.map((e) => e.id));
  }

  /** Own entries change what pages match: the next page gets a fresh index and matcher. */
  private invalidateIndex(): void {
    this.index = undefined;
    this.matcher = undefined;
  }

  /** The matcher for the current index, compiled once and kept warm for page after page. */
  async pageMatcher(): Promise<PageMatcher> {
    this.matcher ??= this.matchIndex().then((index) => new PageMatcher(index));
    return this.matcher;
  }
  private matcher?: Promise<PageMatcher>;

  async saveNote(entityId: string, text: string): Promise<void> {
    const db = await this.writable();
    if (!(await this.allEntities()).some((e) => e.id === entityId)) throw new Error(`There is no entry "${entityId}".`);
    await saveNote(db, entityId, text);
  }

  async saveUserEntity(input: unknown): Promise<Entity> {
    const db = await this.writable();
    const entity = parseUserEntity(input, await this.bundledIds());
    await saveUserEntity(db, entity);
    this.invalidateIndex();
    return entity;
  }

  async deleteUserEntity(id: string): Promise<void> {
    await deleteUserEntity(await this.writable(), id);
    this.invalidateIndex();
  }

  async exportUserData(): Promise<UserData> {
    return readUserData(await this.writable());
  }

  /** Checks the whole file first, then writes it in one transaction. */
  async importUserData(text: string): Promise<{ notes: number; entities: number; corrections: number }> {
    const db = await this.writable();
    const existing = new Set((await this.allEntities()).map((e) => e.id));
    const data = parseUserData(text, await this.bundledIds(), existing);
    await writeUserData(db, data);
    this.invalidateIndex();
    return { notes: data.notes.length, entities: data.entities.length, corrections: data.corrections.length };
  }

  /** Every correction the reader made; none when IndexedDB is unavailable (there is nowhere they could be). */
  async corrections(): Promise<StoredCorrection[]> {
    return this.withDb(readCorrections, () => []);
  }

  /** Checks a correction and keeps it; saying the same thing twice keeps one. */
  async addCorrection(input: unknown): Promise<StoredCorrection> {
    const db = await this.writable();
    const correction = parseCorrection(input);
    await saveCorrection(db, correction);
    return correction;
  }

  async removeCorrection(id: string): Promise<void> {
    await deleteCorrection(await this.writable(), id);
  }

  async status(): Promise<KbStatus> {
    const kb = await this.bundled();
    const db = await this.database();
    return {
      storage: db && !this.problem ? 'indexeddb' : 'memory',
      kbVersion: kb.version,
      entityCount: kb.entities.length,
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }
}
