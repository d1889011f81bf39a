/**
 * The requests the background answers, checked at runtime before anything acts on them (the
 * protocol itself is in utils/messages.ts). Apart from it so the content script, which only
 * sends them, does not carry their checks.
 */
import * as v from 'valibot';
import { EntityId } from './messages';
import { LAZY_CODE_NAMES } from './page/lazy-code';
import { MAX_IMPORT_BYTES, MAX_NOTE_CHARS } from './kb/user-data';

/** Longer article texts are matched on the page (a hostile page can hold tens of megabytes). */
export const MAX_MATCH_TEXT_CHARS = 4_000_000;
const Site = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Requests the background answers (from content scripts, the popup and the options page). */
const BACKGROUND_REQUESTS = [
  v.strictObject({ type: v.literal('getMatchIndex') }),
  /** A page's article text, matched by the background's warm matcher (utils/match/text-matcher.ts). */
  v.strictObject({
    type: v.literal('matchText'),
    text: v.pipe(v.string(), v.maxLength(MAX_MATCH_TEXT_CHARS)),
    site: v.optional(Site),
    articleDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(-\d\d){0,2}$/))),
  }),
  v.strictObject({ type: v.literal('getEntity'), id: EntityId }),
  /** A content script asks for code it needs only sometimes (the card, its own matcher): utils/page/lazy-code.ts. */
  v.strictObject({ type: v.literal('loadCode'), name: v.picklist(LAZY_CODE_NAMES) }),
  v.strictObject({ type: v.literal('getStatus') }),
  /** After the popup or options page granted or gave back the permission for a site. */
  v.strictObject({ type: v.literal('siteAccessChanged'), site: Site, tabId: v.optional(TabId) }),
  /** After the first-run page, the popup or the options page granted or gave back every site. */
  v.strictObject({ type: v.literal('everySiteChanged'), tabId: v.optional(TabId) }),
  v.strictObject({ type: v.literal('getKbOverview') }),
  /** An empty text deletes the note. */
  v.strictObject({ type: v.literal('saveNote'), id: EntityId, text: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)) }),
  /** The entry is checked against the KB schema by the background before it is stored. */
  v.strictObject({ type: v.literal('saveUserEntity'), entity: v.unknown() }),
  v.strictObject({ type: v.literal('deleteUserEntity'), id: EntityId }),
  v.strictObject({ type: v.literal('getUserData') }),
  /** The text of the file; a little over the limit passes here so the background can name the problem. */
  v.strictObject({ type: v.literal('importUserData'), text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES * 4)) }),
  /** A content script gets its own page's corrections; an extension page gets them all. */
  v.strictObject({ type: v.literal('getCorrections') }),
  /**
   * From a card: checked against the correction schema by the background, and only for the
   * sending page's own site (a page may not correct another site's highlights).
   */
  v.strictObject({ type: v.literal('addCorrection'), correction: v.unknown() }),
  /** Undo on the card (its own site's corrections only) or in the options page. */
  v.strictObject({ type: v.literal('removeCorrection'), id: v.pipe(v.string(), v.maxLength(4000)) }),
] as const;
export const BackgroundRequest = v.variant('type', BACKGROUND_REQUESTS);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

/**
 * Requests that change the reader's data or the extension's reach: only the extension's own
 * pages (popup, options) may send them, never a content script running inside a web page.
 */
export const EXTENSION_PAGE_ONLY = new Set<BackgroundRequest['type']>([
  'siteAccessChanged',
  'everySiteChanged',
  'saveNote',
  'saveUserEntity',
  'deleteUserEntity',
  'getUserData',
  'importUserData',
]);
