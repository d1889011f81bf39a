/**
 * Where a page's text gets matched. The background keeps a matcher for every page (its code
 * stays optimised from page to page, and it works on another thread while the page wraps what
 * it has been sent); the page's own matcher is the fallback when the background cannot be
 * reached. Both hand mentions over in page order, in batches, and resolve with the page's
 * relevance.
 */
import type { PageMatcher, StreamRun } from './page-matcher';
import type { Relevance } from './relevance';
import type { Mention } from './types';
import { yieldToPage } from '../dom/yield';
import * as v from 'valibot';
import { MAX_STREAMED_TEXT_CHARS, MatchTextRequest, type MatchPortReply } from '../messages';
import { BACKGROUND_SILENCE_MS, TASK_BUDGET_MS } from '../constants';

/** A text's relevance, and where it was matched (shown to developers in the scan's measure). */
export interface MatchOutcome {
  relevance: Relevance;
  where: 'background' | 'page';
}

export interface MatchSource {
  /**
   * Matches `text`, calling `onMentions` with each batch of mentions ready to show (in page
   * order, none before the page is known to be relevant). `pause` is awaited between steps of
   * work done on the caller's thread.
   */
  match(text: string, onMentions: (mentions: Mention[]) => void, signal: AbortSignal, pause: () => Promise<void>): Promise<MatchOutcome>;
}

/** Matching on the page's own thread, a slice per step. */
export class LocalMatchSource implements MatchSource {
  private matcher?: PageMatcher;

  /** @param build makes the matcher when it is first needed (it needs the KB's match index) */
  constructor(private readonly build: () => PageMatcher | Promise<PageMatcher>) {}

  async match(text: string, onMentions: (mentions: Mention[]) => void, signal: AbortSignal, pause: () => Promise<void>): Promise<MatchOutcome> {
    try {
      this.matcher ??= await this.build();
    } catch (error) {
      throw new Error(`the knowledge base could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    }
    const run = this.matcher.start(text);
    while (!run.done) {
      run.step();
      await pause();
      if (signal.aborted) break;
    }
    const { mentions, relevance } = run.result();
    if (mentions.length && !signal.aborted) onMentions(mentions);
    return { relevance, where: 'page' };
  }
}

/**
 * Short texts (any article) go to `small`, long ones to `large`. Sending a text to the
 * background costs about 3 ms per 100,000 characters each way, and the page's own matcher warms
 * up on a long text, so past a size the page is quicker on its own (see `npm run bench`).
 */
export class SizedMatchSource implements MatchSource {
  constructor(
    private readonly small: MatchSource,
    private readonly large: MatchSource,
    private readonly limit: number,
  ) {}

  match(text: string, onMentions: (mentions: Mention[]) => void, signal: AbortSignal, pause: () => Promise<void>): Promise<MatchOutcome> {
    return (text.length > this.limit ? this.large : this.small).match(text, onMentions, signal, pause);
  }
}

/** The part of a runtime port this module uses (so it runs without a browser in tests). */
export interface MatchPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

function isMention(m: unknown): m is Mention {
  const x = m as Mention;
  return typeof x === 'object' && x !== null && typeof x.entityId === 'string' && typeof x.type === 'string' && typeof x.name === 'string' && Number.isInteger(x.start) && Number.isInteger(x.end) && x.start < x.end;
}

/** Checks a reply's shape before the page acts on it (cheap: a page can get thousands of mentions). */
export function parseMatchReply(message: unknown): MatchPortReply | null {
  const m = message as MatchPortReply;
  if (typeof m !== 'object' || m === null) return null;
  if (m.type === 'mentions') return Array.isArray(m.mentions) && m.mentions.every(isMention) ? m : null;
  if (m.type === 'done') return typeof m.relevance?.relevant === 'boolean' && typeof m.relevance.reason === 'string' ? m : null;
  if (m.type === 'error') return typeof m.message === 'string' ? m : null;
  return null;
}

/** Matching in the background, through a port opened per text. */
export class RemoteMatchSource implements MatchSource {
  /**
   * @param silenceMs how long the background may stay silent (before its first reply, or
   *   between replies) before the page stops waiting: a service worker stopped at the wrong
   *   moment can leave a port that neither answers nor closes.
   */
  constructor(
    private readonly connect: () => MatchPort,
    private readonly silenceMs = BACKGROUND_SILENCE_MS,
  ) {}

  match(text: string, onMentions: (mentions: Mention[]) => void, signal: AbortSignal): Promise<MatchOutcome> {
    if (text.length > MAX_STREAMED_TEXT_CHARS) return Promise.reject(new Error('The page is too long to send to the background.'));
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const port = this.connect();
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        port.disconnect();
        outcome();
      };
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(() => reject(new Error('The background did not answer.'))), this.silenceMs);
      };
      const onAbort = () => finish(() => reject(new Error('Matching was cancelled.')));
      signal.addEventListener('abort', onAbort, { once: true });
      port.onMessage.addListener((message) => {
        if (settled) return;
        watch();
        const reply = parseMatchReply(message);
        if (!reply) return finish(() => reject(new Error('The background sent a reply of the wrong shape.')));
        if (reply.type === 'mentions') onMentions(reply.mentions);
        else if (reply.type === 'done') finish(() => resolve({ relevance: reply.relevance, where: 'background' }));
        else finish(() => reject(new Error(reply.message)));
      });
      // A service worker stopped mid-page closes the port.
      port.onDisconnect.addListener(() => finish(() => reject(new Error('The background stopped while matching.'))));
      watch();
      port.postMessage({ type: 'matchText', text } satisfies MatchTextRequest);
    });
  }
}

/**
 * The background's half: runs a streamed match, posting each batch as it is ready and giving
 * other messages (a card being opened) a turn whenever a task has used its budget.
 */
export async function streamMatches(run: StreamRun, post: (reply: MatchPortReply) => void, closed: () => boolean): Promise<void> {
  let deadline = performance.now() + TASK_BUDGET_MS;
  while (!run.done) {
    const ready = run.step();
    if (ready.length) post({ type: 'mentions', mentions: ready });
    if (performance.now() >= deadline) {
      await yieldToPage();
      if (closed()) return;
      deadline = performance.now() + TASK_BUDGET_MS;
    }
  }
  post({ type: 'done', relevance: run.relevance() });
}

/**
 * Serves one match port in the background: checks the request, then streams the matches of
 * the text it carries. Stops as soon as the page closes the port (it navigated, or was
 * switched off).
 */
export function serveMatchPort(port: MatchPort, matcher: () => Promise<PageMatcher>): void {
  let closed = false;
  port.onDisconnect.addListener(() => (closed = true));
  const post = (reply: MatchPortReply) => {
    if (!closed) port.postMessage(reply);
  };
  port.onMessage.addListener((message) => {
    const request = v.safeParse(MatchTextRequest, message);
    if (!request.success) return post({ type: 'error', message: 'The page sent a match request of the wrong shape.' });
    void (async () => {
      try {
        const run = (await matcher()).stream(request.output.text);
        await streamMatches(run, post, () => closed);
      } catch (error) {
        post({ type: 'error', message: `Matching failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
  });
}
