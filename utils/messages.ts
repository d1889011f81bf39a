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
import type { StoredCorrection } from './corrections/correction';
import type { BackgroundRequest } from './background-requests';

export type { BackgroundRequest };

export const EntityId = v.pipe(v.string(), v.maxLength(200));

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
  loadCode: null;
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
  /** The sending tab and frame, for a content script. */
  tab?: { id?: number };
  frameId?: number;
}


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
