/**
 * The KB's IndexedDB database, owned by the background. Bundled entries live in their own
 * store and are replaced on every update; the reader's own data (notes, own entries, corrections) lives in
 * stores that seeding never touches, so it survives every update.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Entity, KnowledgeBase } from './schema';
import type { StoredCorrection } from '../corrections/correction';

export const DB_NAME = 'met-context';
/** Bump with a new `upgrade` step; never edit a step that has shipped. */
export const DB_VERSION = 3;

export interface KbDbSchema extends DBSchema {
  entities: { key: string; value: Entity; indexes: { type: string } };
  meta: { key: string; value: { key: string; value: string } };
  /** The reader's private notes on entities (issue: options page). */
  notes: { key: string; value: { entityId: string; text: string; updated: string } };
  /** The reader's own entries, matched like bundled ones. */
  userEntities: { key: string; value: Entity; indexes: { type: string } };
  /** The reader's corrections ("not this"), keyed by what they say (utils/corrections/). */
  corrections: { key: string; value: StoredCorrection };
}

export type KbDb = IDBPDatabase<KbDbSchema>;

export function openKbDb(): Promise<KbDb> {
  return openDB<KbDbSchema>(DB_NAME, DB_VERSION, {
    // Each store is created if missing rather than by version number alone, so a database
    // left half-made (created empty by another opener) is completed, not left broken.
    upgrade(db, _oldVersion, _newVersion, tx) {
      // Version 1: the bundled entities, KB metadata, and the reader's notes and own entries.
      if (!db.objectStoreNames.contains('entities')) {
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('type', 'type');
      }
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('notes')) db.createObjectStore('notes', { keyPath: 'entityId' });
      if (!db.objectStoreNames.contains('userEntities')) db.createObjectStore('userEntities', { keyPath: 'id' });
      // Version 2: the reader's own entries by type, for counts without reading them all.
      const own = tx.objectStore('userEntities');
      if (!own.indexNames.contains('type')) own.createIndex('type', 'type');
      // Version 3: the reader's corrections, beside their notes; seeding never touches them.
      if (!db.objectStoreNames.contains('corrections')) db.createObjectStore('corrections', { keyPath: 'id' });
    },
  });
}

/**
 * Writes the bundled KB in one transaction, unless this exact version is already stored (or
 * `force`: the stored entries were found damaged). Returns true when it wrote. Only the bundled
 * store is touched; the reader's notes and own entries are not.
 */
export async function seedBundledKb(db: KbDb, kb: KnowledgeBase, { force = false } = {}): Promise<boolean> {
  const tx = db.transaction(['entities', 'meta'], 'readwrite');
  const stored = await tx.objectStore('meta').get('kbVersion');
  const count = await tx.objectStore('entities').count();
  if (!force && stored?.value === kb.version && count === kb.entities.length) {
    await tx.done;
    return false;
  }
  const entities = tx.objectStore('entities');
  await entities.clear();
  await Promise.all(kb.entities.map((e) => entities.put(e)));
  await tx.objectStore('meta').put({ key: 'kbVersion', value: kb.version });
  await tx.done;
  return true;
}

export async function readAllEntities(db: KbDb): Promise<Entity[]> {
  return db.getAll('entities');
}

export async function readEntity(db: KbDb, id: string): Promise<Entity | undefined> {
  return db.get('entities', id);
}

export async function readKbVersion(db: KbDb): Promise<string | undefined> {
  return (await db.get('meta', 'kbVersion'))?.value;
}
