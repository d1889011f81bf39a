// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '../../utils/card/controller';
import { decorateMention } from '../../utils/dom/mention-element';
import { KbService } from '../../utils/kb/service';
import { loadBundledKb } from '../helpers/kb';
import { UNIT_WAIT } from '../helpers/wait';
import type { StoredCorrection } from '../../utils/corrections/correction';
import { cardView } from '../../utils/card/view';

const kb = loadBundledKb();
const PAGE = 'https://www.standard.co.uk/news/story.html?utm_source=x#top';
const layout = Element.prototype.getBoundingClientRect;

function setUp(failSave = false) {
  document.body.innerHTML = '<article><p>Sir Mark Rowley spoke.</p></article>';
  const el = document.createElement('met-mention');
  const p = document.querySelector('p')!;
  decorateMention(el, { entityId: 'mark-rowley', type: 'person' }, 0, false);
  el.append('Sir Mark Rowley');
  p.replaceChildren(el, ' spoke.');
  const calls: string[] = [];
  const saved: StoredCorrection[] = [];
  const controller = new AbortController();
  const service = new KbService(async () => kb);
  const host = document.createElement('div');
  host.id = 'card-host';
  new CardController({
    doc: document,
    fetchEntity: (id) => service.entity(id),
    readingOf: () => undefined,
    createSurface: async () => {
      document.body.append(host);
      return { host, container: host, remove: () => host.remove() };
    },
    loadView: async () => cardView,
    signal: controller.signal,
    correcting: {
      site: 'standard.co.uk',
      url: () => PAGE,
      keyOf: () => ({ text: 'Sir Mark Rowley', occurrence: 0, before: '', after: ' spoke.' }),
      save: async (c) => {
        if (failSave) throw new Error('IndexedDB is not available');
        saved.push(c);
        el.remove(); // as the annotator's unwrap would
      },
      undo: async (id) => void calls.push(`undo:${id}`),
    },
  });
  return { el, calls, saved, controller };
}

const $ = <E extends Element>(selector: string) => document.querySelector<E>(`#card-host ${selector}`);
let env: ReturnType<typeof setUp>;
beforeEach(() => {
  Element.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 100, 20);
  for (const [side, size] of [['clientWidth', 1024], ['clientHeight', 768]] as const) {
    Object.defineProperty(document.documentElement, side, { value: size, configurable: true });
  }
});
afterEach(() => {
  env.controller.abort();
  Element.prototype.getBoundingClientRect = layout;
});

describe('correcting a highlight from its card', () => {
  it('keeps the correction the button names, then shows a status with Undo, focused and said aloud', async () => {
    env = setUp();
    env.el.focus();
    await vi.waitFor(() => expect($('.corrections')).not.toBeNull(), UNIT_WAIT);
    $<HTMLButtonElement>('button[data-correct="page"]')!.click();
    await vi.waitFor(() => expect($('.correction-notice')).not.toBeNull(), UNIT_WAIT);
    expect(env.saved).toEqual([
      expect.objectContaining({
        kind: 'page',
        entityId: 'mark-rowley',
        entityName: 'Sir Mark Rowley',
        text: 'Sir Mark Rowley',
        site: 'standard.co.uk',
        page: 'https://www.standard.co.uk/news/story.html',
        occurrence: 0,
        after: ' spoke.',
      }),
    ]);
    expect($('.card')).toBeNull();
    expect($('.notice-text')!.textContent).toBe('Hidden: “Sir Mark Rowley” here is not Sir Mark Rowley.');
    expect($('[aria-live]')!.textContent).toBe('Hidden: “Sir Mark Rowley” here is not Sir Mark Rowley. Undo is available.');
    expect(document.activeElement).toBe($('.undo'));

    $<HTMLButtonElement>('.undo')!.click();
    await vi.waitFor(() => expect($('.notice-text')!.textContent).toBe('Undone: the highlight is back.'), UNIT_WAIT);
    expect(env.calls).toEqual([`undo:${env.saved[0]!.id}`]);
    $('.correction-notice')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect($('.correction-notice')).toBeNull();
  });

  it('says so when the correction cannot be kept, and offers no Undo', async () => {
    env = setUp(true);
    env.el.focus();
    await vi.waitFor(() => expect($('.corrections')).not.toBeNull(), UNIT_WAIT);
    $<HTMLButtonElement>('button[data-correct="entry"]')!.click();
    await vi.waitFor(() => expect($('.correction-notice.error')).not.toBeNull(), UNIT_WAIT);
    expect($('.notice-text')!.textContent).toBe('The correction could not be kept: IndexedDB is not available');
    expect($('.undo')).toBeNull();
  });
});
