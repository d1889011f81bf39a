import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { KbService } from '../../utils/kb/service';
import { DB_VERSION, openKbDb, readAllEntities } from '../../utils/kb/db';
import { loadBundledKb } from '../helpers/kb';
import type { KnowledgeBase } from '../../utils/kb/schema';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

const kb = loadBundledKb();

describe('KbService', () => {
  it('seeds IndexedDB from the bundle and answers from it', async () => {
    const service = new KbService(async () => kb);
    await service.prepare();
    const db = await openKbDb();
    expect((await readAllEntities(db)).length).toBe(kb.entities.length);
    db.close();

    const rowley = await service.entity('mark-rowley');
    expect(rowley?.entity.name).toBe('Sir Mark Rowley');
    expect(rowley?.related.every((r) => r.name.length > 0)).toBe(true);
    expect(await service.status()).toMatchObject({ storage: 'indexeddb', entityCount: kb.entities.length });
  });

  it('serves what IndexedDB holds (the card text comes from the database)', async () => {
    await new KbService(async () => kb).prepare();
    const db = await openKbDb();
    const stored = (await db.get('entities', 'mark-rowley'))!;
    await db.put('entities', { ...stored, summary: 'Edited in IndexedDB for this test.' });
    db.close();
    const fresh = new KbService(async () => kb);
    expect((await fresh.entity('mark-rowley'))?.entity.summary).toBe('Edited in IndexedDB for this test.');
  });

  it('replaces bundled entries on an update and keeps the reader’s notes and entries', async () => {
    await new KbService(async () => kb).prepare();
    const db = await openKbDb();
    await db.put('notes', { entityId: 'mark-rowley', text: 'My note', updated: '2026-11-25' });
    await db.put('userEntities', { ...kb.entities[0]!, id: 'my-own-entry' });
    db.close();

    const next: KnowledgeBase = {
      version: `${kb.version}-next`,
      entities: kb.entities.filter((e) => e.id !== 'susan-hall').map((e) => (e.id === 'mark-rowley' ? { ...e, summary: 'Updated summary for the new version.' } : e)),
    };
    const updated = new KbService(async () => next);
    await updated.prepare();
    expect((await updated.entity('mark-rowley'))?.entity.summary).toBe('Updated summary for the new version.');
    expect(await updated.entity('susan-hall')).toBeNull();

    const after = await openKbDb();
    expect(await after.get('notes', 'mark-rowley')).toMatchObject({ text: 'My note' });
    expect(await after.get('userEntities', 'my-own-entry')).toBeDefined();
    after.close();
  });

  it('serves the bundle from memory when IndexedDB cannot be opened, and says so', async () => {
    const service = new KbService(
      async () => kb,
      () => Promise.reject(new DOMException('The user denied permission', 'SecurityError')),
    );
    const index = await service.matchIndex();
    expect(index.entities.length).toBe(kb.entities.length);
    expect((await service.entity('david-carrick'))?.entity.name).toBe('David Carrick');
    const status = await service.status();
    expect(status.storage).toBe('memory');
    expect(status.problem).toMatch(/SecurityError.*served from memory/);
  });

  it('rejects a broken bundle with a message naming the fault', async () => {
    const service = new KbService(async () => ({ version: '1', entities: [{ id: 'Bad Id' }] }));
    await expect(service.matchIndex()).rejects.toThrow(/entities\.0\.id.*kebab-case/);
  });
});

describe('KbService with damaged records', () => {
  async function damage(change: (db: Awaited<ReturnType<typeof openKbDb>>) => Promise<unknown>) {
    await new KbService(async () => kb).prepare();
    const db = await openKbDb();
    await db.put('notes', { entityId: 'mark-rowley', text: 'My note', updated: '2026-11-25' });
    await db.put('userEntities', { ...kb.entities[0]!, id: 'my-own-entry' });
    await change(db);
    db.close();
  }

  async function userDataKept() {
    const db = await openKbDb();
    expect(await db.get('notes', 'mark-rowley')).toMatchObject({ text: 'My note' });
    expect(await db.get('userEntities', 'my-own-entry')).toMatchObject({ id: 'my-own-entry' });
    db.close();
  }

  const bundledRowley = kb.entities.find((e) => e.id === 'mark-rowley')!;

  it.each([
    ['a wrong type', { ...bundledRowley, name: 42 }],
    ['a missing field', { id: 'mark-rowley', type: 'person' }],
    ['an unknown entity type', { ...bundledRowley, type: 'wizard' }],
  ])('repairs a record with %s from the bundle and keeps the reader’s data', async (_, bad) => {
    await damage((db) => db.put('entities', bad as never));
    const service = new KbService(async () => kb);
    expect((await service.entity('mark-rowley'))?.entity).toEqual(bundledRowley);
    expect(service.repairs).toBe(1);
    const db = await openKbDb();
    expect(await db.get('entities', 'mark-rowley')).toEqual(bundledRowley);
    db.close();
    await userDataKept();
  });

  it('repairs a record deleted from the store', async () => {
    await damage((db) => db.delete('entities', 'mark-rowley'));
    const service = new KbService(async () => kb);
    // Reading the entry itself, before anything re-seeds on start-up.
    expect((await service.entity('mark-rowley'))?.entity.name).toBe('Sir Mark Rowley');
    await userDataKept();
  });

  it('repairs damage met while building the match index, so matching sees valid entries', async () => {
    await damage((db) => db.put('entities', { ...bundledRowley, aliases: 'not a list' } as never));
    const service = new KbService(async () => kb);
    const index = await service.matchIndex();
    expect(index.entities.find((e) => e.id === 'mark-rowley')?.name).toBe('Sir Mark Rowley');
    expect(service.repairs).toBe(1);
    expect((await service.status()).storage).toBe('indexeddb');
    await userDataKept();
  });
});

describe('upgrading the database from the previous schema', () => {
  /** The version-1 database as the first release created it, with the reader's data in it. */
  async function createVersionOne(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('met-context', 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('type', 'type');
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('notes', { keyPath: 'entityId' });
        db.createObjectStore('userEntities', { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['entities', 'meta', 'notes', 'userEntities'], 'readwrite');
        tx.objectStore('entities').put({ ...kb.entities[0]!, summary: 'An old summary from the previous release.' });
        tx.objectStore('meta').put({ key: 'kbVersion', value: 'previous-release' });
        tx.objectStore('notes').put({ entityId: 'mark-rowley', text: 'My note from last year', updated: '2025-11-01' });
        tx.objectStore('userEntities').put({ ...kb.entities[1]!, id: 'my-entry', name: 'My own entry' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    });
  }

  it('keeps the reader’s notes and entries, adds the new index and the corrections store, and replaces the bundled entries', async () => {
    await createVersionOne();
    const service = new KbService(async () => kb);
    await service.prepare();
    expect((await service.entity(kb.entities[0]!.id))?.entity.summary).toBe(kb.entities[0]!.summary);

    const db = await openKbDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('notes', 'mark-rowley')).toMatchObject({ text: 'My note from last year' });
    expect(await db.count('corrections')).toBe(0);
    expect(await db.getAllFromIndex('userEntities', 'type', kb.entities[1]!.type)).toHaveLength(1);
    expect(await db.count('entities')).toBe(kb.entities.length);
    db.close();
  });
});
