/**
 * The one message protocol between content script, popup and background. Every request is a
 * member of a discriminated union checked at runtime before anything acts on it; unknown or
 * malformed messages and messages from outside the extension are dropped.
 */
import * as v from 'valibot';
import type { Entity, EntityType } from './kb/schema';
import type { MatchIndex } from './kb/match-index';
import type { PageSummary } from './page/summary';

const EntityId = v.pipe(v.string(), v.maxLength(200));

/** Requests the background answers (from content scripts and the popup). */
export const BackgroundRequest = v.variant('type', [
  v.strictObject({ type: v.literal('getMatchIndex') }),
  v.strictObject({ type: v.literal('getEntity'), id: EntityId }),
  v.strictObject({ type: v.literal('getStatus') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

/** Requests a tab's content script answers (from the popup). */
export const TabRequest = v.variant('type', [
  v.strictObject({ type: v.literal('getPageSummary') }),
  v.strictObject({ type: v.literal('revealEntity'), id: EntityId }),
]);
export type TabRequest = v.InferOutput<typeof TabRequest>;

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

export interface BackgroundReplies {
  getMatchIndex: MatchIndex;
  getEntity: { entity: Entity; related: RelatedEntity[] } | null;
  getStatus: KbStatus;
}

export interface TabReplies {
  getPageSummary: PageSummary;
  revealEntity: boolean;
}

/** Every reply travels in an envelope so a failure reaches the caller as a clear error. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

type Handlers<R extends { type: string }, Replies> = {
  [K in R['type']]: (request: Extract<R, { type: K }>) => Promise<Replies[K & keyof Replies]> | Replies[K & keyof Replies];
};

interface MinimalSender {
  id?: string;
}

/**
 * Builds a runtime.onMessage listener. It answers only well-formed requests from this
 * extension; anything else gets no answer at all (returning undefined leaves it to others).
 */
export function createMessageListener<R extends { type: string }, Replies>(
  schema: v.GenericSchema<unknown, R>,
  handlers: Handlers<R, Replies>,
  extensionId: string,
) {
  return (message: unknown, sender: MinimalSender): Promise<Reply<unknown>> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const parsed = v.safeParse(schema, message);
    if (!parsed.success) return undefined;
    const request = parsed.output;
    const handler = handlers[request.type as R['type']] as (r: R) => unknown;
    return Promise.resolve()
      .then(() => handler(request))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

export class MessageError extends Error {}

/** Unwraps a reply envelope; a missing reply means nobody listened. */
export function unwrapReply<T>(reply: unknown, what: string): T {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new MessageError(`No answer to "${what}": the receiver is not running.`);
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new MessageError(`"${what}" failed: ${r.error}`);
  return r.value;
}

type Sender = (message: unknown) => Promise<unknown>;

/** Background restarts (MV3 service workers stop when idle) drop the first message at times. */
const BACKGROUND_ATTEMPTS = 3;
const BACKGROUND_RETRY_MS = 150;

export async function askBackground<K extends BackgroundRequest['type']>(
  send: Sender,
  request: Extract<BackgroundRequest, { type: K }>,
): Promise<BackgroundReplies[K]> {
  let lastError: unknown;
  for (let attempt = 0; attempt < BACKGROUND_ATTEMPTS; attempt++) {
    try {
      return unwrapReply<BackgroundReplies[K]>(await send(request), request.type);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, BACKGROUND_RETRY_MS * (attempt + 1)));
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
