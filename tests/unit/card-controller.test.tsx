// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '../../utils/card/controller';
import { decorateMention, isInControl } from '../../utils/dom/mention-element';
import { assignTabStops } from '../../utils/dom/mention-order';
import { KbService } from '../../utils/kb/service';
import { loadBundledKb } from '../helpers/kb';
import { UNIT_WAIT } from '../helpers/wait';
import { cardView } from '../../utils/card/view';

const kb = loadBundledKb();

/** An article with the mentions the annotator would have made. */
/** Entries whose fetch waits until the test lets it go (a slow background). */
const held = new Map<string, Promise<void>>();

function setUp() {
  document.body.innerHTML = `
    <article>
      <p>Published on <time datetime="2025-03-06T09:00:00Z">6 March</time>.</p>
      <p>The Home Secretary, <span id="cooper">Yvette Cooper</span>, welcomed it, as did <span id="rowley">Sir Mark Rowley</span>.</p>
      <p>Read <a href="/more">more on <span id="linked">Lee Freeman</span></a>.</p>
      <p>Later, <span id="cooper2">Ms Cooper</span> said more.</p>
    </article>`;
  const mentions: Record<string, HTMLElement> = {};
  const slots = [['cooper', 'yvette-cooper'], ['rowley', 'mark-rowley'], ['linked', 'lee-freeman'], ['cooper2', 'yvette-cooper']] as const;
  for (const [slot, entityId] of slots) {
    const placeholder = document.getElementById(slot)!;
    const el = document.createElement('met-mention');
    placeholder.replaceWith(el);
    decorateMention(el, { entityId, type: 'person' }, 0, isInControl(el.parentElement));
    el.append(placeholder.textContent!);
    mentions[slot] = el;
  }
  assignTabStops(document, true);
  const controller = new AbortController();
  const service = new KbService(async () => kb);
  const host = document.createElement('div');
  host.id = 'card-host';
  const card = new CardController({
    doc: document,
    fetchEntity: async (id) => {
      await held.get(id);
      return service.entity(id);
    },
    readingOf: () => undefined,
    createSurface: async () => {
      document.body.append(host);
      return { host, container: host, remove: () => host.remove() };
    },
    loadView: async () => cardView,
    signal: controller.signal,
    today: () => '2026-11-25',
  });
  return { mentions, controller, card, host };
}

const surface = () => document.querySelector<HTMLElement>('#card-host .surface');
const title = () => document.querySelector('#card-host .card h2')?.textContent;
const live = () => document.querySelector('#card-host [aria-live]')?.textContent;
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

let env: ReturnType<typeof setUp>;
const layout = Element.prototype.getBoundingClientRect;
beforeEach(() => {
  // happy-dom does no layout: every box is empty at 0,0 in a 0×0 viewport, which Floating UI
  // rightly reads as a mention out of sight. Give the page the viewport and boxes a browser would.
  Element.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 100, 20);
  for (const [side, size] of [['clientWidth', 1024], ['clientHeight', 768]] as const) {
    Object.defineProperty(document.documentElement, side, { value: size, configurable: true });
  }
  env = setUp();
});
afterEach(() => {
  env.controller.abort();
  Element.prototype.getBoundingClientRect = layout;
});

describe('the card controller, by keyboard', () => {
  it('makes each mention a focusable button that opens a dialog, the first of each entity a tab stop, none inside a link', () => {
    const { cooper, cooper2, linked } = env.mentions;
    expect([cooper!.tabIndex, cooper!.getAttribute('role'), cooper!.getAttribute('aria-haspopup'), cooper!.getAttribute('aria-expanded')]).toEqual([0, 'button', 'dialog', 'false']);
    expect([cooper2!.tabIndex, cooper2!.getAttribute('role'), cooper2!.getAttribute('aria-haspopup')]).toEqual([-1, 'button', 'dialog']);
    expect(linked!.hasAttribute('tabindex')).toBe(false);
    expect(linked!.hasAttribute('role')).toBe(false);
  });

  it('opens on focus, says what was true at the article’s date, and announces the card', async () => {
    env.mentions.cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    expect(surface()!.getAttribute('role')).toBe('dialog');
    expect(surface()!.textContent).toContain('At the time of this article (March 2025), Yvette Cooper was Home Secretary (until September 2025)');
    expect(env.mentions.cooper!.getAttribute('aria-expanded')).toBe('true');
    expect(live()).toMatch(/^Person: Yvette Cooper\. /);
  });

  it('moves focus into the card on Enter, and back to the mention on Escape', async () => {
    const { cooper } = env.mentions;
    cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    key(cooper!, 'Enter');
    expect(document.activeElement).toBe(surface());
    key(surface()!, 'Escape');
    expect(surface()).toBeNull();
    expect(document.activeElement).toBe(cooper);
    expect(cooper!.getAttribute('aria-expanded')).toBe('false');
    expect(live()).toBe('');
  });

  it('returns focus to the mention when Tab or Shift+Tab would leave the card', async () => {
    const { cooper } = env.mentions;
    cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    key(cooper!, 'Enter');
    const stops = [...surface()!.querySelectorAll<HTMLElement>('a[href], button')];
    stops.at(-1)!.focus();
    key(stops.at(-1)!, 'Tab');
    expect(surface()).toBeNull();
    expect(document.activeElement).toBe(cooper);

    key(cooper!, 'Enter');
    await vi.waitFor(() => expect(document.activeElement).toBe(surface()), UNIT_WAIT);
    surface()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    expect(surface()).toBeNull();
    expect(document.activeElement).toBe(cooper);
  });

  it('shows one card at a time: focusing the next mention replaces it', async () => {
    env.mentions.cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    env.mentions.rowley!.focus();
    await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
    expect(document.querySelectorAll('#card-host .surface').length).toBe(1);
    expect(env.mentions.cooper!.getAttribute('aria-expanded')).toBe('false');
  });

  it('tabbing on to a mention further down, whose scroll takes the open card’s mention out of view, still opens its card', async () => {
    env.mentions.cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    let release!: () => void;
    held.set('mark-rowley', new Promise<void>((done) => (release = done)));
    try {
      env.mentions.rowley!.focus();
      // The page scrolls to the newly focused mention: the open card's mention leaves the view
      // while the next card is still being fetched.
      env.mentions.cooper!.getBoundingClientRect = () => new DOMRect(10, 5000, 100, 20);
      window.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 0));
      release();
      await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
      expect(env.mentions.rowley!.getAttribute('aria-expanded')).toBe('true');
    } finally {
      held.clear();
    }
  });

  it('opens the card of a mention inside a link when the link is focused', async () => {
    document.querySelector<HTMLElement>('a')!.focus();
    await vi.waitFor(() => expect(title()).toBe('Lee Freeman'), UNIT_WAIT);
  });

  it('opens a related entity’s card from its chip, keeping focus in the card', async () => {
    const { rowley } = env.mentions;
    rowley!.focus();
    await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
    key(rowley!, 'Enter');
    const chip = document.querySelector<HTMLButtonElement>('#card-host .chip[data-related-id="casey-review"]')!;
    chip.focus();
    chip.click();
    await vi.waitFor(() => expect(title()).toBe('Baroness Casey Review of the Metropolitan Police'), UNIT_WAIT);
    expect(document.activeElement).toBe(surface());
  });

  it('removes everything it added when the session ends', async () => {
    env.mentions.cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    env.controller.abort();
    await vi.waitFor(() => expect(document.getElementById('card-host')).toBeNull(), UNIT_WAIT);
    await env.card.open(env.mentions.rowley!);
    expect(document.getElementById('card-host')).toBeNull();
    expect(env.mentions.rowley!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('stepping through an entity’s mentions from its card', () => {
  const steps = () => document.querySelector('#card-host .mention-steps');
  const stepButton = (name: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('#card-host .mention-steps button')].find((b) => b.textContent === name)!;

  it('offers Next and Previous with the position, moves focus to the mention and shows its card', async () => {
    const { cooper, cooper2 } = env.mentions;
    cooper!.focus();
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    expect(steps()!.getAttribute('aria-label')).toBe('Mentions of Yvette Cooper on this page');
    expect(steps()!.textContent).toBe('Previous mention1 of 2Next mention');
    expect(live()).toMatch(/ Mention 1 of 2\.$/);
    key(cooper!, 'Enter');
    stepButton('Next mention').focus();
    stepButton('Next mention').click();
    expect(document.activeElement).toBe(cooper2);
    await vi.waitFor(() => expect(steps()?.textContent).toContain('2 of 2'), UNIT_WAIT);
    expect([cooper2!.getAttribute('aria-expanded'), cooper!.getAttribute('aria-expanded')]).toEqual(['true', 'false']);
    // Both ends wrap round, as a find bar does.
    stepButton('Next mention').click();
    expect(document.activeElement).toBe(cooper);
    await vi.waitFor(() => expect(steps()?.textContent).toContain('1 of 2'), UNIT_WAIT);
    stepButton('Previous mention').click();
    expect(document.activeElement).toBe(cooper2);
  });

  it('scrolls the mention into view, at once when the reader asks for reduced motion', async () => {
    const scrolls: ScrollIntoViewOptions[] = [];
    env.mentions.cooper2!.scrollIntoView = (options) => void scrolls.push(options as ScrollIntoViewOptions);
    const matchMedia = window.matchMedia;
    try {
      for (const reduce of [false, true]) {
        window.matchMedia = (query: string) => ({ matches: reduce && query.includes('reduce') }) as MediaQueryList;
        env.card.goTo(env.mentions.cooper2!);
      }
    } finally {
      window.matchMedia = matchMedia;
    }
    expect(scrolls).toEqual([
      { block: 'center', behavior: 'smooth' },
      { block: 'center', behavior: 'instant' },
    ]);
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
  });

  it('shows no steps for an entity named once, nor on a related entity’s card', async () => {
    const { rowley } = env.mentions;
    rowley!.focus();
    await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
    expect(steps()).toBeNull();
    expect(live()).not.toMatch(/Mention \d/);
    env.mentions.cooper!.focus();
    await vi.waitFor(() => expect(steps()).not.toBeNull(), UNIT_WAIT);
    document.querySelector<HTMLButtonElement>('#card-host .chip')!.click();
    await vi.waitFor(() => expect(title()).not.toBe('Yvette Cooper'), UNIT_WAIT);
    expect(steps()).toBeNull();
  });
});

describe('the reader’s shortcut to the next mention', () => {
  it('moves from the focused mention (or its card) to the next on the page, of any entity, and opens its card', async () => {
    const { cooper, rowley, cooper2 } = env.mentions;
    cooper!.focus();
    expect(env.card.focusNextMention()).toBe(true);
    expect(document.activeElement).toBe(rowley);
    await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
    key(rowley!, 'Enter');
    expect(document.activeElement).toBe(surface());
    // The linked mention is not focusable itself: the shortcut passes it, as Tab passes into the link.
    expect(env.card.focusNextMention()).toBe(true);
    expect(document.activeElement).toBe(cooper2);
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
    expect(env.card.focusNextMention()).toBe(true);
    expect(document.activeElement).toBe(cooper);
  });

  it('with nothing focused, starts at the first mention in view', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    expect(env.card.focusNextMention()).toBe(true);
    expect(document.activeElement).toBe(env.mentions.cooper);
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
  });
});

describe('the card controller, by touch', () => {
  /** A tap as a touch screen sends it: a touch pointerdown, then a click; returns whether the click went through. */
  function tap(target: Element, pointerType = 'touch'): boolean {
    target.dispatchEvent(new PointerEvent('pointerdown', { pointerType, bubbles: true, composed: true }));
    return target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  }

  it('a first tap on a mention inside a link shows its card without following the link; a second follows it', async () => {
    const { linked } = env.mentions;
    expect(tap(linked!)).toBe(false);
    await vi.waitFor(() => expect(title()).toBe('Lee Freeman'), UNIT_WAIT);
    expect(tap(linked!)).toBe(true);
    expect(title()).toBe('Lee Freeman');
  });

  it('leaves clicks alone otherwise: a mouse click on a linked mention, a tap on a mention outside links', async () => {
    expect(tap(env.mentions.linked!, 'mouse')).toBe(true);
    expect(tap(env.mentions.cooper!)).toBe(true);
    await vi.waitFor(() => expect(title()).toBe('Yvette Cooper'), UNIT_WAIT);
  });
});

describe('the card controller, by mouse', () => {
  const pointer = (type: 'pointerover' | 'pointerout', target: Element, relatedTarget: Element | null = null) =>
    target.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse', bubbles: true, composed: true, relatedTarget }));

  it('draws the card hidden while a hover waits, says nothing and opens nothing until the wait ends, then shows it', async () => {
    const { rowley } = env.mentions;
    pointer('pointerover', rowley!);
    await vi.waitFor(() => expect(title()).toBe('Sir Mark Rowley'), UNIT_WAIT);
    // Still within the hover-intent wait: drawn, but hidden, silent and not expanded.
    expect(surface()!.style.visibility).toBe('hidden');
    expect(live()).toBe('');
    expect(rowley!.getAttribute('aria-expanded')).toBe('false');
    await vi.waitFor(() => expect(surface()!.style.visibility).toBe('visible'), UNIT_WAIT);
    expect(rowley!.getAttribute('aria-expanded')).toBe('true');
    expect(live()).toMatch(/^Person: Sir Mark Rowley\. /);
  });

  it('draws nothing for a pointer that passes over a mention while its entry is still on its way', async () => {
    let release!: () => void;
    held.set('lee-freeman', new Promise((resolve) => (release = resolve)));
    const { linked, cooper } = env.mentions;
    const seen: string[] = [];
    new MutationObserver(() => {
      const shown = title();
      if (shown && seen.at(-1) !== shown) seen.push(shown);
    }).observe(env.host, { subtree: true, childList: true, characterData: true });
    pointer('pointerover', linked!);
    pointer('pointerout', linked!, document.body);
    release();
    held.delete('lee-freeman');
    // The pointer rests on another mention: its card opens, and the passed-over one was never drawn.
    pointer('pointerover', cooper!);
    await vi.waitFor(() => expect(surface()?.style.visibility).toBe('visible'), UNIT_WAIT);
    expect(seen).toEqual(['Yvette Cooper']);
  });
});
