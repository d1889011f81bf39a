/**
 * The background's half of the match port, for unit tests: the real `serveMatchPort` and
 * matcher behind an in-memory port that delivers each message in a later task and as a copy
 * (as the browser does), and can be made to die, or to send a bad reply.
 */
import { PageMatcher } from '../../utils/match/page-matcher';
import { serveMatchPort, type MatchPort } from '../../utils/match/source';
import { bundledIndex } from './kb';

export interface PortOptions {
  /** Background side: stop after posting this many replies (as a stopped service worker does). */
  dieAfter?: number;
  /** Background side: send this instead of its first batch. */
  corruptFirst?: unknown;
}

/**
 * Two ends of a runtime port, delivering each message in a later task and as a copy (as the
 * browser does), with the real background half serving one end.
 */
export function backgroundPort(options: PortOptions = {}): { connect: () => MatchPort; posted: () => number } {
  let posted = 0;
  const connect = (): MatchPort => {
    const listeners = { page: [] as ((m: unknown) => void)[], background: [] as ((m: unknown) => void)[] };
    const closed = { page: [] as (() => void)[], background: [] as (() => void)[] };
    let open = true;
    const close = (notify: (() => void)[]) => {
      if (!open) return;
      open = false;
      setTimeout(() => notify.forEach((fn) => fn()));
    };
    const deliver = (to: ((m: unknown) => void)[], message: unknown) => {
      const copy = structuredClone(message);
      setTimeout(() => open && to.forEach((fn) => fn(copy)));
    };
    const background: MatchPort = {
      postMessage: (message) => {
        if (!open) return;
        posted++;
        if (options.corruptFirst !== undefined && posted === 1) deliver(listeners.page, options.corruptFirst);
        else deliver(listeners.page, message);
        if (options.dieAfter !== undefined && posted >= options.dieAfter) close(closed.page);
      },
      disconnect: () => close(closed.page),
      onMessage: { addListener: (fn) => listeners.background.push(fn) },
      onDisconnect: { addListener: (fn) => closed.background.push(fn) },
    };
    serveMatchPort(background, async () => new PageMatcher(bundledIndex()));
    return {
      postMessage: (message) => open && deliver(listeners.background, message),
      disconnect: () => close(closed.background),
      onMessage: { addListener: (fn) => listeners.page.push(fn) },
      onDisconnect: { addListener: (fn) => closed.page.push(fn) },
    };
  };
  return { connect, posted: () => posted };
}

