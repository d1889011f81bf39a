/**
 * The reader's corrections ("not this"): a highlight the reader says is wrong, kept with their
 * notes in IndexedDB and never touched by a KB update. Three kinds, from narrow to wide:
 *
 * - `page`: this one highlight on this page. It is found again, across reloads and scans, by
 *   the page's address (without fragment and tracking parameters), the entity, the matched
 *   text, and the words right around it (`before`/`after`, as the extension read them); when a
 *   page is edited around the mention and no mention has that context any more, its place among
 *   the entity's mentions with that text (`occurrence`) decides. Context first, because a live
 *   page adds paragraphs above a mention and shifts every index; the index as a fallback,
 *   because a publisher's small edit next to the name should not bring the wrong highlight back.
 * - `site`: that text on every page of one site (the per-site switch's site: the host without
 *   "www.", utils/sites.ts), whichever entry it was matched as: the reader said the words are
 *   wrong there, so another entry claiming them would be wrong in the same way.
 * - `entry`: that alias text as that entity, everywhere.
 *
 * Every correction names the site it was made on, so a content script may only make or undo
 * corrections for its own site (see the background).
 */
import * as v from 'valibot';
import { siteKey } from '../sites';

export const CORRECTION_KINDS = ['page', 'site', 'entry'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Words kept on each side of a mention to find it again: a short phrase, rarely repeated on one page. */
export const CONTEXT_CHARS = 40;
/** An alias is a name, not a paragraph. */
const MAX_TEXT_CHARS = 200;
/** Long enough for any real article address. */
const MAX_URL_CHARS = 2000;

const EntityId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_CHARS));
const Site = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/, 'site must be a host name'));
const Created = v.pipe(v.string(), v.isoTimestamp('created must be an ISO timestamp'));
const Context = v.pipe(v.string(), v.maxLength(CONTEXT_CHARS * 2));
/** An http(s) address: the only pages the extension runs on. */
const PageUrl = v.pipe(v.string(), v.maxLength(MAX_URL_CHARS), v.regex(/^https?:\/\/[^\s/]+\/\S*$/, 'page must be an http(s) address'));
const Name = v.optional(v.pipe(v.string(), v.maxLength(300)));

const common = { entityId: EntityId, entityName: Name, text: Text, site: Site, created: Created, id: v.optional(v.string()) };

export const Correction = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('page'),
      ...common,
      page: PageUrl,
      occurrence: v.pipe(v.number(), v.integer(), v.minValue(0)),
      before: Context,
      after: Context,
    }),
    v.strictObject({ kind: v.literal('site'), ...common }),
    v.strictObject({ kind: v.literal('entry'), ...common }),
  ],
  `kind must be one of ${CORRECTION_KINDS.join(', ')}`,
);
export type Correction = v.InferOutput<typeof Correction> & { id?: string };
export type StoredCorrection = Correction & { id: string };

const NOT_ASCII = /[^\x00-\x7f]/;

/** How a text is compared: case, spacing and curly quotes as the matcher ignores them. */
export function normaliseText(text: string): string {
  // Most mentions are plain ASCII, which compatibility normalisation and the quote folding leave
  // as they are: a long page has thousands, so they skip that work.
  const folded = NOT_ASCII.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
        .replace(/[\u201c\u201d\u2033]/g, '"')
    : text;
  return folded.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Query parameters that say how a reader arrived, not which page it is. */
const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_[a-z]+|ocid|cmpid|cmp|ito|at_[a-z_]+|ref|ref_src|src|source|share|smid|s_cid|__twitter_impression|guccounter|ns_[a-z_]+|amp)$/i;

/**
 * One page's address as a correction keeps it: no fragment, no tracking parameters, the rest of
 * the query sorted (some sites name the article in it), the host lower-cased, a trailing slash dropped.
 */
export function normalisePageUrl(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].filter(([key]) => !TRACKING_PARAM.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
  return `${u.protocol}//${u.host.toLowerCase()}${path}${query}`;
}

/**
 * The key a correction is stored under: two corrections saying the same thing share it, so
 * saving or importing one twice keeps one.
 */
export function correctionId(c: Correction): string {
  const base = [c.kind, c.kind === 'site' ? c.site : c.entityId, normaliseText(c.text)];
  if (c.kind === 'page') base.push(c.page, String(c.occurrence), normaliseText(c.before), normaliseText(c.after));
  return base.join('|');
}

export function withId(c: Correction): StoredCorrection {
  return { ...c, id: correctionId(c) };
}

/** The corrections that can apply on a page: its own, its site's, and every entry-wide one. */
export function correctionsForPage<C extends Correction>(corrections: readonly C[], url: string, site: string): C[] {
  const page = normalisePageUrl(url);
  return corrections.filter((c) => c.kind === 'entry' || (c.kind === 'site' && c.site === site) || (c.kind === 'page' && c.page === page));
}

/** What a correction says, in words for the card's status and the options page. */
export function describeCorrection(c: Correction): string {
  const name = c.entityName ?? c.entityId;
  if (c.kind === 'page') return `Not “${c.text}” as ${name} at this place on ${c.page}`;
  if (c.kind === 'site') return `Never “${c.text}” on ${c.site}`;
  return `Never “${c.text}” as ${name}, on any site`;
}

/** The card's buttons, in words. */
export function correctionLabel(kind: CorrectionKind, text: string, site: string, entityName: string): string {
  if (kind === 'page') return 'Not this one';
  if (kind === 'site') return `Never highlight “${text}” on ${site}`;
  return `Never highlight “${text}” as ${entityName}`;
}

/**
 * Whether a content script on `senderUrl` may make or undo this correction: only for its own
 * site, and a "not this one" only for its own page. The extension's own pages may do anything.
 */
export function pageMayChange(c: Correction, senderUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (siteKey(url.hostname) !== c.site) return false;
  return c.kind !== 'page' || normalisePageUrl(senderUrl) === c.page;
}

/** What the card knows of the highlight the reader says is wrong. */
export interface CorrectionTarget {
  entityId: string;
  entityName: string;
  /** The mention's text, place and context (utils/corrections/hide.ts). */
  key: { text: string; occurrence: number; before: string; after: string };
  url: string;
  site: string;
}

/** The correction a card's button makes. */
export function draftCorrection(kind: CorrectionKind, t: CorrectionTarget, now: Date = new Date()): StoredCorrection {
  const common = { entityId: t.entityId, entityName: t.entityName, text: t.key.text, site: t.site, created: now.toISOString() };
  const c: Correction =
    kind === 'page'
      ? { kind, ...common, page: normalisePageUrl(t.url), occurrence: t.key.occurrence, before: t.key.before, after: t.key.after }
      : { kind, ...common };
  return withId(c);
}

/** What the card's status says once a correction is kept. */
export function doneText(c: Correction): string {
  if (c.kind === 'page') return `Hidden: “${c.text}” here is not ${c.entityName ?? c.entityId}.`;
  if (c.kind === 'site') return `Hidden: “${c.text}” is no longer highlighted on ${c.site}.`;
  return `Hidden: “${c.text}” is no longer highlighted as ${c.entityName ?? c.entityId}.`;
}
