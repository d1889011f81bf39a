/**
 * The background's KB service: seeds IndexedDB from the bundle, answers lookups from it, and
 * falls back to the bundle held in memory when IndexedDB cannot be opened or fails, saying so.
 */
import * as v from 'valibot';
import { Entity, KnowledgeBase } from './schema';
import { buildMatchIndex, type MatchIndex } from './match-index';
import { openKbDb, readAllEntities, readEntity, seedBundledKb, type KbDb } from './db';
import type { KbStatus, RelatedEntity } from '../messages';

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

  async allEntities(): Promise<Entity[]> {
    return this.withDb((db) => this.checked(db, readAllEntities), (kb) => kb.entities);
  }

  async matchIndex(): Promise<MatchIndex> {
    this.index ??= (async () => {
      const kb = await this.bundled();
      return buildMatchIndex(kb.version, await this.allEntities());
    })();
    return this.index;
  }

  async entity(id: string): Promise<{ entity: Entity; related: RelatedEntity[] } | null> {
    const entity = await this.withDb(
      (db) => this.checked(db, (d) => readEntity(d, id), id),
      (kb) => kb.entities.find((e) => e.id === id),
    );
    if (!entity) return null;
    const index = await this.matchIndex();
    const related = (entity.related ?? [])
      .map((rid) => index.entities.find((e) => e.id === rid))
      .filter((e): e is RelatedEntity => Boolean(e))
      .map(({ id: rid, type, name }) => ({ id: rid, type, name }));
    return { entity, related };
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
