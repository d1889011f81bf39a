/**
 * The one message protocol between content script, popup and background. Every request is a
 * member of a discriminated union checked at runtime before anything acts on it; unknown or
 * malformed messages and messages from outside the extension are dropped.
 */
import * as v from 'valibot';
import type { Entity, EntityType } from './kb/schema';
import type { MatchIndex } from './kb/match-index';
import type { MatchTextReply } from './match/text-matcher';
import type { PageSummary } from './page/summary';
import type { UserData } from './kb/user-data';
import { MAX_IMPORT_BYTES, MAX_NOTE_CHARS } from './kb/user-data';
import type { StoredCorrection } from './corrections/correction';

const EntityId = v.pipe(v.string(), v.maxLength(200));
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

/** Requests a tab's content script answers (from the popup, and from the background for a shortcut). */
export const TabRequest = v.variant('type', [
  v.strictObject({ type: v.literal('getPageSummary') }),
  v.strictObject({ type: v.literal('revealEntity'), id: EntityId }),
  /** The reader pressed the "next highlight" shortcut (utils/commands.ts). */
  v.strictObject({ type: v.literal('focusNextMention') }),
]);
export type TabRequest = v.InferOutput<typeof TabRequest>;

/**
 * What a content script tells the extension's pages, unasked: its page's summary changed (read,
 * switched off or on, live content, a single-page navigation). It carries nothing; a page that
 * cares (the side panel) asks the tab for its summary through `getPageSummary`.
 */
export const PageNotice = v.strictObject({ type: v.literal('pageChanged') });
export type PageNotice = v.InferOutput<typeof PageNotice>;

/**
 * The tab whose content script sent a well-formed page notice, or undefined for anything else
 * (another extension, a page that is not a tab, another message).
 */
export function noticeTab(message: unknown, sender: { id?: string; tab?: { id?: number } }, extensionId: string): number | undefined {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return undefined;
  return v.is(PageNotice, message) ? sender.tab.id : undefined;
}

export interface RelatedEntity {
  id: string;
  type: EntityType;
  name: string;
}

export interface KbStatus {
  /** Where the KB is served from: IndexedDB, or memory when IndexedDB failed. */
  storage: 'indexeddb' | 'memory';
  kbVersion: string;
  entityCount: number;
  /** Why IndexedDB is not in use, in words for the popup. */
  problem?: string;
}

export interface EntityReply {
  entity: Entity;
  related: RelatedEntity[];
  /** The reader's private note on it, if any. */
  note?: string;
  /** One of the reader's own entries. */
  own?: boolean;
}

export interface KbOverview {
  status: KbStatus;
  counts: Partial<Record<EntityType, number>>;
  entries: { id: string; type: EntityType; name: string; own: boolean; noted: boolean }[];
}

export interface BackgroundReplies {
  getMatchIndex: MatchIndex;
  matchText: MatchTextReply;
  getEntity: EntityReply | null;
  getStatus: KbStatus;
  siteAccessChanged: { sites: string[]; injected: boolean };
  everySiteChanged: { everySite: boolean; injected: boolean };
  getKbOverview: KbOverview;
  saveNote: null;
  saveUserEntity: { id: string };
  deleteUserEntity: null;
  getUserData: UserData;
  importUserData: { notes: number; entities: number; corrections: number };
  getCorrections: StoredCorrection[];
  addCorrection: StoredCorrection;
  removeCorrection: null;
}

export interface TabReplies {
  getPageSummary: PageSummary;
  revealEntity: boolean;
  /** False when the page has no mention to move to. */
  focusNextMention: boolean;
}

/** Every reply travels in an envelope so a failure reaches the caller as a clear error. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

type Handlers<R extends { type: string }, Replies> = {
  [K in R['type']]: (
    request: Extract<R, { type: K }>,
    sender: MessageSender,
  ) => Promise<Replies[K & keyof Replies]> | Replies[K & keyof Replies];
};

export interface MessageSender {
  id?: string;
  /** The sending document's address: an extension page's starts with the extension's origin. */
  url?: string;
}

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

/**
 * Builds a runtime.onMessage listener. It answers only well-formed requests from this
 * extension; anything else gets no answer at all (returning undefined leaves it to others).
 * With `pagesOnly`, the listed types are answered only when sent from a page under
 * `extensionOrigin`.
 */
export function createMessageListener<R extends { type: string }, Replies>(
  schema: v.GenericSchema<unknown, R>,
  handlers: Handlers<R, Replies>,
  extensionId: string,
  pagesOnly?: { types: ReadonlySet<string>; extensionOrigin: string },
) {
  return (message: unknown, sender: MessageSender): Promise<Reply<unknown>> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const parsed = v.safeParse(schema, message);
    if (!parsed.success) return undefined;
    const request = parsed.output;
    if (pagesOnly?.types.has(request.type) && !sender.url?.startsWith(pagesOnly.extensionOrigin)) return undefined;
    const handler = handlers[request.type as R['type']] as (r: R, s: MessageSender) => unknown;
    return Promise.resolve()
      .then(() => handler(request, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

export class MessageError extends Error {}

/**
 * The receiver answered, and its answer is a failure (an import file it refused, a damaged
 * record). Final: asking again would only repeat the refusal, and keep the reader waiting for it.
 */
export class RefusedError extends MessageError {}

/** Unwraps a reply envelope; a missing reply means nobody listened. */
export function unwrapReply<T>(reply: unknown, what: string): T {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new MessageError(`No answer to "${what}": the receiver is not running.`);
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new RefusedError(`"${what}" failed: ${r.error}`);
  return r.value;
}

type Sender = (message: unknown) => Promise<unknown>;

/** Background restarts (MV3 service workers stop when idle) drop the first message at times. */
const BACKGROUND_ATTEMPTS = 3;
const BACKGROUND_RETRY_MS = 150;
/**
 * A message sent as the background is being stopped can go unanswered for good rather than
 * fail; after this long it is sent again. Far above a real answer's time (building the match
 * index of a 10,000-entity KB from a cold start takes well under a second).
 */
const BACKGROUND_REPLY_TIMEOUT_MS = 10_000;

/** `send(request)`, failing with a clear error if no answer comes within BACKGROUND_REPLY_TIMEOUT_MS. */
function sendWithin(send: Sender, request: { type: string }): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MessageError(`No answer to "${request.type}" within ${BACKGROUND_REPLY_TIMEOUT_MS / 1000} s.`)),
      BACKGROUND_REPLY_TIMEOUT_MS,
    );
  });
  return Promise.race([send(request), timeout]).finally(() => clearTimeout(timer));
}

export async function askBackground<K extends BackgroundRequest['type']>(
  send: Sender,
  request: Extract<BackgroundRequest, { type: K }>,
): Promise<BackgroundReplies[K]> {
  let lastError: unknown;
  for (let attempt = 0; attempt < BACKGROUND_ATTEMPTS; attempt++) {
    try {
      return unwrapReply<BackgroundReplies[K]>(await sendWithin(send, request), request.type);
    } catch (error) {
      // Only silence is retried: a background that answered has said all it will say.
      if (error instanceof RefusedError) throw error;
      lastError = error;
      if (attempt + 1 < BACKGROUND_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, BACKGROUND_RETRY_MS * (attempt + 1)));
    }
  }
  throw lastError;
}

export async function askTab<K extends TabRequest['type']>(
  send: Sender,
  request: Extract<TabRequest, { type: K }>,
): Promise<TabReplies[K]> {
  return unwrapReply<TabReplies[K]>(await send(request), request.type);
}
