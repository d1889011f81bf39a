/**
 * Code a page needs only sometimes is kept out of the content script, which every page of
 * every listed site parses: the card (Preact, Floating UI, its styles and wording), wanted only
 * once the reader shows intent on a highlight, and the page's own matcher, wanted only when the
 * background cannot match. Each is a file of the extension that the background runs in the
 * page's content-script world on request (`scripting.executeScript`), so nothing is exposed to
 * web pages (no web-accessible resources) and no code is fetched from anywhere.
 */
import type { CardView } from '../card/view';
import type { MatchIndex } from '../kb/match-index';
import type { PageMatcher } from '../match/page-matcher';

/** What each file gives the content script. */
export interface LazyCode {
  card: CardView;
  matcher: { create(index: MatchIndex): PageMatcher };
}
export const LAZY_CODE_NAMES = ['card', 'matcher'] as const;
export type LazyCodeName = (typeof LAZY_CODE_NAMES)[number] & keyof LazyCode;

/** The built files (WXT unlisted scripts: entrypoints/card-code.ts, entrypoints/matcher-code.ts). */
export const LAZY_CODE_FILES = {
  card: '/card-code.js',
  matcher: '/matcher-code.js',
} as const satisfies Record<LazyCodeName, string>;

/** Where, in the content-script world, an injected file hands over what it gives. */
const PROVIDE_KEY = '__metContextProvide';
type Provide = <K extends LazyCodeName>(name: K, code: LazyCode[K]) => void;

/** Called by an injected file: gives its code to the content script that asked for it. */
export function provideLazyCode<K extends LazyCodeName>(name: K, code: LazyCode[K]): void {
  (globalThis as { [PROVIDE_KEY]?: Provide })[PROVIDE_KEY]?.(name, code);
}

/**
 * A loader for one content script: each file is asked for once and kept. `inject` asks the
 * background to run the file here and resolves once it has run. The content script that starts
 * last takes the hand-over point (one left behind by an update of the extension must not
 * receive the new code).
 */
export function lazyCodeLoader(
  inject: (name: LazyCodeName) => Promise<unknown>,
  world: object = globalThis,
): <K extends LazyCodeName>(name: K) => Promise<LazyCode[K]> {
  const given = new Map<LazyCodeName, unknown>();
  const loading = new Map<LazyCodeName, Promise<unknown>>();
  (world as { [PROVIDE_KEY]?: Provide })[PROVIDE_KEY] = (name, code) => void given.set(name, code);
  return <K extends LazyCodeName>(name: K) => {
    let load = loading.get(name);
    if (!load) {
      load = inject(name).then(() => {
        if (!given.has(name)) throw new Error(`The ${name}'s code ran but did not register itself.`);
        return given.get(name);
      });
      // A failed load (the background gone for a moment) is tried again on the next request.
      load.catch(() => loading.delete(name));
      loading.set(name, load);
    }
    return load as Promise<LazyCode[K]>;
  };
}
