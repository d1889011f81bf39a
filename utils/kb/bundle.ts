/**
 * The bundled KB ships as several reviewable JSON files under public/kb/ (people,
 * organisations, inquiries, statistics), listed with the KB's version in index.json.
 */
import * as v from 'valibot';

export const KB_INDEX_FILE = 'index.json';

export const KbIndexFile = v.strictObject({
  version: v.pipe(v.string(), v.minLength(1)),
  files: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[\w-]+\.json$/, 'a file name in public/kb/'))), v.minLength(1)),
});

const KbPartFile = v.strictObject({ entities: v.array(v.unknown()) });

/**
 * Reads the index, then every file it lists, and joins them into one KB-shaped object (the
 * schema check happens after, so errors name the entry at fault in the joined list).
 */
export async function loadBundle(readJson: (file: string) => Promise<unknown>): Promise<unknown> {
  const index = v.parse(KbIndexFile, await readJson(KB_INDEX_FILE));
  const parts = await Promise.all(
    index.files.map(async (file) => {
      const result = v.safeParse(KbPartFile, await readJson(file));
      if (!result.success) throw new Error(`The knowledge base file ${file} is not of the form { "entities": [...] }.`);
      return result.output.entities;
    }),
  );
  return { version: index.version, entities: parts.flat() };
}
