/**
 * Where a page's text is matched. The background keeps one matcher per KB version, compiled
 * once and warm from page to page, and matches on its own thread: the page only reads its text,
 * sends it and wraps what comes back, and never loads the match index. When the background is
 * gone, stays silent or answers out of shape, the page matches on its own, as it always could.
 */
import { ENTITY_TYPES } from '../kb/schema';
import type { Mention } from './types';
import type { PageFacts, PageMatcher } from './page-matcher';
import type { Relevance } from './relevance';

/** What matching a text gives the page: the mentions, relevance, and the names of the entities found. */
export interface TextMatch {
  mentions: Mention[];
  relevance: Relevance;
  /** Display names of the entities among the mentions (for the popup's summary). */
  names: Record<string, string>;
  /** Where the matching ran. */
  where: 'background' | 'page';
}

export interface TextMatcher {
  /** Matches a page's text; work on the page's thread yields at `pause` between steps. */
  match(text: string, signal: AbortSignal, pause: () => Promise<void>): Promise<TextMatch>;
}

/** The names of the entities a list of mentions refers to. */
export function namesOf(mentions: readonly Mention[], nameOf: (id: string) => string | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const m of mentions) names[m.entityId] ??= nameOf(m.entityId) ?? m.entityId;
  return names;
}

/** Matching on the page's own thread, a step at a time. */
export class LocalTextMatcher implements TextMatcher {
  private matcher?: PageMatcher;

  /** @param build makes the matcher when first needed (it needs the KB's match index) */
  constructor(
    private readonly build: () => PageMatcher | Promise<PageMatcher>,
    private readonly page: PageFacts = {},
  ) {}

  async match(text: string, signal: AbortSignal, pause: () => Promise<void>): Promise<TextMatch> {
    this.matcher ??= await this.build();
    return { ...(await matchInSteps(this.matcher, text, this.page, pause, signal)), where: 'page' };
  }
}

/**
 * Runs a matcher over a text a step at a time, awaiting `pause` between steps (on the page,
 * to give it back its thread; in the background, to let a card's request through).
 */
export async function matchInSteps(
  matcher: PageMatcher,
  text: string,
  page: PageFacts,
  pause: () => Promise<void>,
  signal?: AbortSignal,
): Promise<MatchTextReply> {
  const run = matcher.start(text, page);
  while (!run.done && !signal?.aborted) {
    run.step();
    await pause();
  }
  const { mentions, relevance } = run.result();
  return { mentions, relevance, names: namesOf(mentions, (id) => matcher.nameOf(id)) };
}

/** The background's answer to a page's text, before the page trusts it. */
export interface MatchTextReply {
  mentions: Mention[];
  relevance: Relevance;
  names: Record<string, string>;
}

const TYPES = new Set<string>(ENTITY_TYPES);

/**
 * Checks a reply's shape against the text it answers (cheap: a long page gets thousands of
 * mentions). Null when anything is off: a reply from another version of the extension, or a
 * damaged one, must not put highlights in the wrong places.
 */
export function checkMatchReply(reply: unknown, textLength: number): MatchTextReply | null {
  const r = reply as MatchTextReply;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.mentions)) return null;
  if (typeof r.relevance?.relevant !== 'boolean' || typeof r.relevance.reason !== 'string') return null;
  if (typeof r.names !== 'object' || r.names === null) return null;
  let last = -1;
  for (const m of r.mentions) {
    if (typeof m !== 'object' || m === null || typeof m.entityId !== 'string' || !TYPES.has(m.type)) return null;
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > textLength || m.start >= m.end) return null;
    // Mentions come in page order; the wrapping plans on that.
    if (m.start < last) return null;
    last = m.start;
    if (m.stat !== undefined && (typeof m.stat !== 'object' || m.stat === null)) return null;
    if (typeof r.names[m.entityId] !== 'string') return null;
  }
  return r;
}

/** How the page reaches the background's matcher (runtime messaging, or a test's stand-in). */
export type AskBackgroundToMatch = (text: string, page: PageFacts) => Promise<unknown>;

/**
 * Matching in the background. Rejects, so the caller can fall back, when the background
 * cannot be reached, does not answer within `silenceMs`, or answers out of shape.
 */
export class BackgroundTextMatcher implements TextMatcher {
  constructor(
    private readonly ask: AskBackgroundToMatch,
    private readonly page: PageFacts,
    private readonly silenceMs: number,
  ) {}

  async match(text: string): Promise<TextMatch> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the background did not answer within ${this.silenceMs} ms`)), this.silenceMs);
    });
    try {
      const reply = checkMatchReply(await Promise.race([this.ask(text, this.page), silence]), text.length);
      if (!reply) throw new Error('the background answered out of shape');
      return { ...reply, where: 'background' };
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The background first; on its first failure the page matches on its own for the rest of its
 * life (a background that failed once is not waited for again on every rescan of a live page).
 */
export class FallbackTextMatcher implements TextMatcher {
  private failed = false;

  constructor(
    private readonly primary: TextMatcher,
    private readonly fallback: TextMatcher,
    private readonly onFallback: (reason: string) => void = () => {},
  ) {}

  async match(text: string, signal: AbortSignal, pause: () => Promise<void>): Promise<TextMatch> {
    if (!this.failed) {
      try {
        return await this.primary.match(text, signal, pause);
      } catch (error) {
        this.failed = true;
        this.onFallback(error instanceof Error ? error.message : String(error));
      }
    }
    return this.fallback.match(text, signal, pause);
  }
}
