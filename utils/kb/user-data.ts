/**
 * The reader's own additions: private notes on any entity, their own entries and their
 * corrections of highlights (utils/corrections/). They live in
 * IndexedDB stores that seeding never touches (so they survive every update), and travel as
 * one JSON file: export writes it, import checks all of it first and then writes it in one
 * transaction, so a file that is broken, too big, of the wrong shape or in conflict with the
 * knowledge base changes nothing.
 */
import * as v from 'valibot';
import { Entity } from './schema';
import type { KbDb } from './db';
import { Correction, correctionId, withId, type StoredCorrection } from '../corrections/correction';

/** Identifies an export file, so any other JSON is refused by name. */
export const USER_DATA_FORMAT = 'met-context-user-data';
/** Version 2 added corrections; version 1 files (notes and entries only) are still read. */
export const USER_DATA_VERSION = 2;
/** An export of thousands of notes is well under this; anything bigger is not ours. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** A note is a private aide-memoire, not a document. */
export const MAX_NOTE_CHARS = 2000;

export const Note = v.strictObject({
  entityId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE_CHARS, `a note is at most ${MAX_NOTE_CHARS} characters`)),
  updated: v.pipe(v.string(), v.isoTimestamp('updated must be an ISO timestamp')),
});
export type Note = v.InferOutput<typeof Note>;

const Format = v.literal(USER_DATA_FORMAT, `format must be "${USER_DATA_FORMAT}"`);

/** The first export format: notes and own entries. */
const UserDataV1 = v.strictObject({
  format: Format,
  version: v.literal(1),
  exported: v.optional(v.string()),
  notes: v.array(Note),
  entities: v.array(Entity),
});

export const UserData = v.strictObject({
  format: Format,
  version: v.literal(USER_DATA_VERSION),
  exported: v.optional(v.string()),
  notes: v.array(Note),
  entities: v.array(Entity),
  corrections: v.array(Correction),
});
export type UserData = Omit<v.InferOutput<typeof UserData>, 'corrections'> & { corrections: StoredCorrection[] };

/** Either version, read as the current one (a version 1 file has no corrections). */
const AnyUserData = v.variant(
  'version',
  [UserDataV1, UserData],
  `version must be 1 or ${USER_DATA_VERSION}`,
);

/** Identifies a corrections-only file, made for the KB's maintainers (never sent by the extension). */
export const CORRECTIONS_FORMAT = 'met-context-corrections';
export const CORRECTIONS_VERSION = 1;
export interface CorrectionsReport {
  format: typeof CORRECTIONS_FORMAT;
  version: typeof CORRECTIONS_VERSION;
  exported: string;
  kbVersion: string;
  corrections: StoredCorrection[];
}

export function correctionsReport(corrections: readonly StoredCorrection[], kbVersion: string, now: Date = new Date()): CorrectionsReport {
  return { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, exported: now.toISOString(), kbVersion, corrections: [...corrections] };
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** Names where in the file a schema problem is: "entities.0.summary: …". */
function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Checks an import file completely, without touching the database. `bundledIds` are the
 * shipped entries' ids; `existingIds` every id notes may refer to (bundled and own).
 */
export function parseUserData(text: string, bundledIds: ReadonlySet<string>, existingIds: ReadonlySet<string>): UserData {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is too large (${bytes} bytes; the limit is ${MAX_IMPORT_BYTES}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const format = v.safeParse(v.object({ format: Format }), json);
  if (!format.success) throw new ImportError(`The file does not match the export format at ${firstIssue(format.issues)}.`);
  const parsed = v.safeParse(AnyUserData, json);
  if (!parsed.success) throw new ImportError(`The file does not match the export format at ${firstIssue(parsed.issues)}.`);
  const read = parsed.output;
  const data: UserData = {
    ...read,
    version: USER_DATA_VERSION,
    corrections: 'corrections' in read ? read.corrections.map(withId) : [],
  };
  const seen = new Set<string>();
  for (const entity of data.entities) {
    if (bundledIds.has(entity.id)) {
      throw new ImportError(`The entry "${entity.id}" conflicts with a built-in entry of the same id.`);
    }
    if (seen.has(entity.id)) throw new ImportError(`The entry "${entity.id}" appears twice in the file.`);
    seen.add(entity.id);
  }
  const noted = new Set<string>();
  for (const note of data.notes) {
    if (!existingIds.has(note.entityId) && !seen.has(note.entityId)) {
      throw new ImportError(`The note on "${note.entityId}" refers to an entry that does not exist.`);
    }
    if (noted.has(note.entityId)) throw new ImportError(`There are two notes on "${note.entityId}".`);
    noted.add(note.entityId);
  }
  // A correction's id is what it says (correctionId), whatever the file wrote there.
  const corrected = new Set<string>();
  data.corrections.forEach((c, i) => {
    if (corrected.has(c.id)) throw new ImportError(`The correction at corrections.${i} (${c.kind}, “${c.text}”) appears twice in the file.`);
    corrected.add(c.id);
  });
  return data;
}

/** Checks one own entry before it is saved (from the options page). */
export function parseUserEntity(input: unknown, bundledIds: ReadonlySet<string>): Entity {
  const parsed = v.safeParse(Entity, input);
  if (!parsed.success) throw new ImportError(`The entry is not valid at ${firstIssue(parsed.issues)}.`);
  if (bundledIds.has(parsed.output.id)) {
    throw new ImportError(`The id "${parsed.output.id}" is already used by a built-in entry.`);
  }
  return parsed.output;
}

export async function readUserData(db: KbDb, now: Date = new Date()): Promise<UserData> {
  const tx = db.transaction(['notes', 'userEntities', 'corrections']);
  const [notes, entities, corrections] = await Promise.all([
    tx.objectStore('notes').getAll(),
    tx.objectStore('userEntities').getAll(),
    tx.objectStore('corrections').getAll(),
  ]);
  await tx.done;
  return { format: USER_DATA_FORMAT, version: USER_DATA_VERSION, exported: now.toISOString(), notes, entities, corrections };
}

/** Writes a checked import in one transaction: all of it is stored, or (on any failure) none. */
export async function writeUserData(db: KbDb, data: UserData): Promise<void> {
  const tx = db.transaction(['notes', 'userEntities', 'corrections'], 'readwrite');
  const writes = [
    ...data.entities.map((e) => tx.objectStore('userEntities').put(e)),
    ...data.notes.map((n) => tx.objectStore('notes').put(n)),
    ...data.corrections.map((c) => tx.objectStore('corrections').put(c)),
  ];
  await Promise.all([...writes, tx.done]);
}

export async function readNote(db: KbDb, entityId: string): Promise<Note | undefined> {
  return db.get('notes', entityId);
}

/** Saves a note; an empty one deletes it. */
export async function saveNote(db: KbDb, entityId: string, text: string, now: Date = new Date()): Promise<Note | null> {
  const trimmed = text.trim();
  if (!trimmed) {
    await db.delete('notes', entityId);
    return null;
  }
  const note = v.parse(Note, { entityId, text: trimmed, updated: now.toISOString() });
  await db.put('notes', note);
  return note;
}

export async function readUserEntities(db: KbDb): Promise<Entity[]> {
  return db.getAll('userEntities');
}

export async function saveUserEntity(db: KbDb, entity: Entity): Promise<void> {
  await db.put('userEntities', entity);
}

/** Deletes an own entry and its note together. */
export async function deleteUserEntity(db: KbDb, id: string): Promise<void> {
  const tx = db.transaction(['notes', 'userEntities'], 'readwrite');
  await Promise.all([tx.objectStore('userEntities').delete(id), tx.objectStore('notes').delete(id), tx.done]);
}

/** Checks one correction (from a card) before it is saved; the error names the field at fault. */
export function parseCorrection(input: unknown): StoredCorrection {
  const parsed = v.safeParse(Correction, input);
  if (!parsed.success) throw new ImportError(`The correction is not valid at ${firstIssue(parsed.issues)}.`);
  return withId(parsed.output);
}

export async function readCorrections(db: KbDb): Promise<StoredCorrection[]> {
  return db.getAll('corrections');
}

export async function saveCorrection(db: KbDb, correction: StoredCorrection): Promise<void> {
  await db.put('corrections', { ...correction, id: correctionId(correction) });
}

export async function deleteCorrection(db: KbDb, id: string): Promise<void> {
  await db.delete('corrections', id);
}
