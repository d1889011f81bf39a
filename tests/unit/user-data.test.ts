import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { KbService } from '../../utils/kb/service';
import { MAX_IMPORT_BYTES, USER_DATA_FORMAT, USER_DATA_VERSION } from '../../utils/kb/user-data';
import { entryFromForm, entryId, searchEntries } from '../../utils/options/entries';
import { loadBundledKb } from '../helpers/kb';
import type { Entity } from '../../utils/kb/schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const kb = loadBundledKb();

const ownEntry: Entity = {
  id: 'own-sex-offender-management',
  type: 'plan',
  name: 'Registered sex offender management',
  aliases: [{ text: 'registered sex offenders' }],
  summary: 'The reader’s own entry: how the force manages registered sex offenders in London.',
  sources: [{ publisher: 'HMICFRS', title: 'PEEL inspection of the Met', date: '2024-08' }],
  checked: '2026-11-25',
};

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: USER_DATA_FORMAT, version: USER_DATA_VERSION, notes: [], entities: [], corrections: [], ...over });

const correction = {
  kind: 'entry',
  entityId: 'mark-rowley',
  entityName: 'Sir Mark Rowley',
  text: 'Rowley',
  site: 'standard.co.uk',
  created: '2026-12-05T10:00:00.000Z',
};

const note = (entityId: string, text = 'Check the 2023 follow-up.') => ({ entityId, text, updated: '2026-11-25T10:00:00.000Z' });

async function service() {
  const s = new KbService(async () => kb);
  await s.prepare();
  return s;
}

describe('the reader’s own additions', () => {
  it('shows a note in the entity reply and matches own entries like bundled ones', async () => {
    const s = await service();
    await s.saveNote('mark-rowley', '  Compare with his 2022 plan.  ');
    expect((await s.entity('mark-rowley'))?.note).toBe('Compare with his 2022 plan.');
    await s.saveNote('mark-rowley', '   ');
    expect((await s.entity('mark-rowley'))?.note).toBeUndefined();

    expect((await s.matchIndex()).entities.some((e) => e.id === ownEntry.id)).toBe(false);
    await s.saveUserEntity(ownEntry);
    const index = await s.matchIndex();
    expect(index.entities.find((e) => e.id === ownEntry.id)).toEqual({ id: ownEntry.id, type: 'plan', name: ownEntry.name });
    expect(index.aliases.some((a) => a.text === 'registered sex offenders')).toBe(true);
    expect((await s.entity(ownEntry.id))?.own).toBe(true);
    const overview = await s.overview();
    expect(overview.entries.find((e) => e.id === ownEntry.id)).toMatchObject({ own: true });
    expect(overview.counts.plan).toBe(kb.entities.filter((e) => e.type === 'plan').length + 1);
  });

  it('keeps notes and own entries when a new KB version is seeded', async () => {
    const s = await service();
    await s.saveUserEntity(ownEntry);
    await s.saveNote('mark-rowley', 'Kept across updates.');
    const next = new KbService(async () => ({ ...kb, version: `${kb.version}-next` }));
    await next.prepare();
    expect((await next.entity('mark-rowley'))?.note).toBe('Kept across updates.');
    expect((await next.entity(ownEntry.id))?.entity.name).toBe(ownEntry.name);
  });

  it('refuses an own entry that takes a built-in id or breaks the schema', async () => {
    const s = await service();
    await expect(s.saveUserEntity({ ...ownEntry, id: 'mark-rowley' })).rejects.toThrow('already used by a built-in entry');
    await expect(s.saveUserEntity({ ...ownEntry, sources: [] })).rejects.toThrow(/at sources: every entity needs a source/);
  });

  it('exports and imports back, merging into what is there', async () => {
    const s = await service();
    await s.saveUserEntity(ownEntry);
    await s.saveNote(ownEntry.id, 'Mine.');
    const exported = await s.exportUserData();
    expect(exported).toMatchObject({ format: USER_DATA_FORMAT, notes: [{ entityId: ownEntry.id, text: 'Mine.' }], entities: [ownEntry] });

    globalThis.indexedDB = new IDBFactory();
    const fresh = await service();
    expect(await fresh.importUserData(JSON.stringify(exported))).toEqual({ notes: 1, entities: 1, corrections: 0 });
    expect((await fresh.entity(ownEntry.id))?.note).toBe('Mine.');
  });

  it.each([
    ['broken JSON', '{"format": ', /not valid JSON/],
    ['another kind of file', JSON.stringify({ hello: 'world' }), /does not match the export format at format/],
    ['a newer version', file({ version: 3 }), /at version: version must be 1 or 2/],
    ['a version 1 file with corrections', file({ version: 1 }), /at corrections: Invalid key/],
    ['a correction of an unknown kind', file({ corrections: [{ ...correction, kind: 'everything' }] }), /at corrections\.0\.kind: kind must be one of page, site, entry/],
    ['a correction without its text', file({ corrections: [correction, { ...correction, text: '' }] }), /at corrections\.1\.text/],
    ['a "not this one" without its page', file({ corrections: [{ ...correction, kind: 'page', occurrence: 0, before: '', after: '' }] }), /at corrections\.0\.page/],
    ['a correction on a site that is no host', file({ corrections: [{ ...correction, site: 'not a site' }] }), /at corrections\.0\.site: site must be a host name/],
    ['the same correction twice', file({ corrections: [correction, { ...correction, text: 'ROWLEY' }] }), /correction at corrections\.1 \(entry, “ROWLEY”\) appears twice/],
    ['an entry without sources', file({ entities: [{ ...ownEntry, sources: [] }] }), /at entities\.0\.sources: every entity needs a source/],
    ['an entry with a built-in id', file({ entities: [{ ...ownEntry, id: 'mark-rowley' }] }), /"mark-rowley" conflicts with a built-in entry/],
    ['the same entry twice', file({ entities: [ownEntry, ownEntry] }), /appears twice/],
    ['a note on nothing', file({ notes: [note('no-such-entry')] }), /note on "no-such-entry" refers to an entry that does not exist/],
    ['an oversized file', file({ padding: 'x'.repeat(MAX_IMPORT_BYTES) }), /too large/],
  ])('rejects %s, naming the problem, and changes nothing', async (_, text, error) => {
    const s = await service();
    await s.saveNote('mark-rowley', 'Before.');
    const before = await s.exportUserData();
    // A valid part first, so a partial write would show.
    const withValidPart = text.startsWith('{"format":"') ? text.replace('"notes":[]', JSON.stringify({ notes: [note('david-carrick')] }).slice(1, -1)) : text;
    await expect(s.importUserData(withValidPart)).rejects.toThrow(error);
    expect({ ...(await s.exportUserData()), exported: before.exported }).toEqual(before);
  });
});

describe('the reader’s corrections', () => {
  it('keeps corrections across a new KB version, exports them (version 2) and imports them back', async () => {
    const s = await service();
    const saved = await s.addCorrection(correction);
    expect(saved.id).toBe('entry|mark-rowley|rowley');
    // Saying it again keeps one.
    await s.addCorrection({ ...correction, created: '2026-12-06T10:00:00.000Z' });
    expect(await s.corrections()).toHaveLength(1);
    const next = new KbService(async () => ({ ...kb, version: `${kb.version}-next` }));
    await next.prepare();
    expect(await next.corrections()).toEqual([{ ...correction, id: saved.id, created: '2026-12-06T10:00:00.000Z' }]);

    const exported = await next.exportUserData();
    expect(exported.version).toBe(2);
    globalThis.indexedDB = new IDBFactory();
    const fresh = await service();
    expect(await fresh.importUserData(JSON.stringify(exported))).toEqual({ notes: 0, entities: 0, corrections: 1 });
    expect(await fresh.corrections()).toEqual(exported.corrections);
    await fresh.removeCorrection(saved.id);
    expect(await fresh.corrections()).toEqual([]);
  });

  it('still reads a version 1 file (notes and entries, no corrections)', async () => {
    const s = await service();
    const v1 = JSON.stringify({ format: USER_DATA_FORMAT, version: 1, notes: [note('mark-rowley')], entities: [] });
    expect(await s.importUserData(v1)).toEqual({ notes: 1, entities: 0, corrections: 0 });
    expect((await s.entity('mark-rowley'))?.note).toBe('Check the 2023 follow-up.');
  });

  it('refuses a correction that breaks the schema, naming the field', async () => {
    const s = await service();
    await expect(s.addCorrection({ ...correction, kind: 'page' })).rejects.toThrow(/correction is not valid at page/);
    expect(await s.corrections()).toEqual([]);
  });
});

describe('the options page’s knowledge-base search and entry form', () => {
  const entries = kb.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, own: false, noted: false }));

  it('finds entries by every word of the name, case and accents aside', () => {
    expect(searchEntries(entries, 'rowley').map((e) => e.id)).toContain('mark-rowley');
    expect(searchEntries(entries, 'MARK row').map((e) => e.id)).toEqual(['mark-rowley']);
    expect(searchEntries(entries, '   ')).toEqual([]);
  });

  it('turns the form into an entry the schema accepts', async () => {
    const entity = entryFromForm(
      { type: 'plan', name: ' Registered sex offender management ', aliases: 'registered sex offenders,\nRSO', summary: ownEntry.summary, publisher: 'HMICFRS', title: 'PEEL inspection', sourceDate: '2024-08' },
      '2026-11-25',
    );
    expect(entity).toMatchObject({ id: 'own-registered-sex-offender-management', aliases: [{ text: 'Registered sex offender management' }, { text: 'registered sex offenders' }, { text: 'RSO' }] });
    const s = await service();
    await expect(s.saveUserEntity(entity)).resolves.toMatchObject({ id: 'own-registered-sex-offender-management' });
    expect(entryId('Opération Yewtree!')).toBe('own-operation-yewtree');
  });
});
