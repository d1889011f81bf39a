/**
 * Where the card goes and how it looks: inside the viewport at the page's edges, never over
 * its mention, following scroll and resize; dark when the system or the page is; without
 * motion when the reader asks for less; and never moving the article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardCount, mentionLocator, openPage, startSession, waitForCardTitle, POLL, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The open card's box and its mention's, with the viewport's size, read in one go. */
function geometry(page: Page, id: string) {
  return page.evaluate((entityId) => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const card = document.querySelector('met-card')!.shadowRoot!.querySelector('.surface')!;
    const mention = document.querySelector(`met-mention[data-met-id="${entityId}"]:not([data-met-part])`)!;
    return { card: box(card), mention: box(mention), width: innerWidth, height: innerHeight, visible: getComputedStyle(card).visibility };
  }, id);
}

/**
 * The geometry once the card has stopped moving: it is placed, then placed again as it settles
 * (its size known, the side chosen), so an offset read too early is not the one it keeps.
 */
async function settledGeometry(page: Page, id: string): Promise<Awaited<ReturnType<typeof geometry>>> {
  let last = '';
  let g: Awaited<ReturnType<typeof geometry>> | undefined;
  await expect
    .poll(async () => {
      g = await geometry(page, id);
      const now = JSON.stringify([g.card, g.mention, g.visible]);
      const same = now === last;
      last = now;
      return same && g.visible === 'visible';
    }, POLL)
    .toBe(true);
  return g!;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function hoverCard(page: Page, id: string, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await mentionLocator(page, id).hover();
  await waitForCardTitle(page, name);
}

describe('the card’s place', () => {
  it.each([
    ['bottom right', 1280, 900, 'right: 2px; bottom: 2px'],
    ['top right', 1280, 900, 'right: 2px; top: 2px'],
    ['bottom left', 1280, 900, 'left: 2px; bottom: 2px'],
    ['bottom right of a phone', 360, 640, 'right: 2px; bottom: 2px'],
    ['top left of a phone', 360, 640, 'left: 2px; top: 2px'],
  ])('stays inside the viewport and off its mention at the %s', async (_where, width, height, place) => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.setViewportSize({ width, height });
    // The mention pinned to the edge, as a mention at the end of a line or the foot of the screen would be.
    await mentionLocator(page, 'lee-freeman').evaluate((el, css) => el.setAttribute('style', `position: fixed; ${css}`), place);
    await hoverCard(page, 'lee-freeman', 'Lee Freeman');
    await expect.poll(async () => (await geometry(page, 'lee-freeman')).visible, POLL).toBe('visible');
    const g = await geometry(page, 'lee-freeman');
    expect(g.card.left).toBeGreaterThanOrEqual(0);
    expect(g.card.top).toBeGreaterThanOrEqual(0);
    expect(g.card.right).toBeLessThanOrEqual(g.width);
    expect(g.card.bottom).toBeLessThanOrEqual(g.height);
    expect(overlaps(g.card, g.mention)).toBe(false);
    await page.close();
  });

  it('opens above a mention low on the screen when the card needs the room, also after a chip grows it', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.setViewportSize({ width: 1100, height: 800 });
    await mentionLocator(page, 'elish-angiolini').evaluate((el) => el.setAttribute('style', 'position: fixed; left: 200px; top: 600px'));
    await hoverCard(page, 'elish-angiolini', 'Elish Angiolini');
    await page.locator('met-card .chip[data-related-id="angiolini-inquiry"]').click();
    await waitForCardTitle(page, 'Angiolini Inquiry');
    await expect
      .poll(async () => {
        const g = await geometry(page, 'elish-angiolini');
        return g.card.bottom <= g.mention.top && g.card.bottom - g.card.top > 300;
      }, POLL)
      .toBe(true);
    await page.close();
  });

  it('follows its mention when the page scrolls, and closes when the mention leaves the screen', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await mentionLocator(page, 'hmicfrs-engage').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await hoverCard(page, 'hmicfrs-engage', 'Engage');
    const before = await settledGeometry(page, 'hmicfrs-engage');
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect
      .poll(async () => {
        const g = await geometry(page, 'hmicfrs-engage');
        return Math.round(g.card.top - g.mention.top);
      }, POLL)
      .toBe(Math.round(before.card.top - before.mention.top));
    await page.evaluate(() => window.scrollBy(0, 5000));
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    await page.close();
  });

  it('follows a mention in a scrolling box of the page, and closes when the box hides it', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    // The mention's paragraph moved into a short scrolling box, as live blogs and comment panes have.
    await mentionLocator(page, 'lee-freeman').evaluate((el) => {
      const paragraph = el.closest('p')!;
      const box = document.createElement('div');
      box.id = 'scroller';
      box.setAttribute('style', 'height: 160px; overflow: auto; border: 1px solid');
      paragraph.replaceWith(box);
      box.append(paragraph, Object.assign(document.createElement('div'), { style: 'height: 1200px' }));
      box.scrollIntoView({ block: 'center' });
    });
    // Opened from the keyboard: scrolling the box moves the mention from under a resting
    // pointer, and a hover-opened card would then close, as it should, before it is measured.
    await page.mouse.move(1, 1);
    await mentionLocator(page, 'lee-freeman').focus();
    await waitForCardTitle(page, 'Lee Freeman');
    const before = await settledGeometry(page, 'lee-freeman');
    await page.evaluate(() => document.getElementById('scroller')!.scrollBy(0, 30));
    await expect
      .poll(async () => {
        const g = await geometry(page, 'lee-freeman');
        return Math.round(g.card.top - g.mention.top);
      }, POLL)
      .toBe(Math.round(before.card.top - before.mention.top));
    // Scrolled out of the box, though still inside the window's viewport.
    await page.evaluate(() => document.getElementById('scroller')!.scrollBy(0, 220));
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    const inWindow = await mentionLocator(page, 'lee-freeman').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top > 0 && r.bottom < innerHeight;
    });
    expect(inWindow).toBe(true);
    await page.close();
  });

  it('stays inside the viewport when the window narrows', async () => {
    const page = await openPage(session, 'seed-2-engage-exit');
    // Opened from the keyboard: narrowing the window moves the mention from under a resting
    // pointer, and a hover-opened card would then close (as it should) before it is measured.
    await page.mouse.move(1, 1);
    await mentionLocator(page, 'lee-freeman').focus();
    await waitForCardTitle(page, 'Lee Freeman');
    await page.setViewportSize({ width: 420, height: 700 });
    await mentionLocator(page, 'lee-freeman').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect
      .poll(async () => {
        const g = await geometry(page, 'lee-freeman');
        return g.card.left >= 0 && g.card.right <= g.width && !overlaps(g.card, g.mention);
      }, POLL)
      .toBe(true);
    await page.close();
  });

  it('moves nothing on the page when it opens and closes', async () => {
    const page = await openPage(session, 'seed-1-new-met-plan');
    const layout = () =>
      page.evaluate(() => ({
        scroll: [scrollX, scrollY, document.documentElement.scrollHeight, document.documentElement.scrollWidth],
        mentions: [...document.querySelectorAll('met-mention, p')].map((el) => {
          const r = el.getBoundingClientRect();
          return [r.left, r.top, r.width, r.height].map(Math.round).join(',');
        }),
      }));
    const before = await layout();
    await mentionLocator(page, 'casey-review').focus();
    await waitForCardTitle(page, 'Casey');
    const open = await layout();
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await mentionLocator(page, 'casey-review').evaluate((el) => (el as HTMLElement).blur());
    await expect.poll(() => cardCount(page), POLL).toBe(0);
    expect(open).toEqual(before);
    expect(await layout()).toEqual(before);
    await page.close();
  });
});

/** Pages that rewrite everything: none of it may reach inside the card. */
const HOSTILE_CSS =
  '* { font-family: "Comic Sans MS" !important; color: red !important; } h2 { font-size: 60px !important; } met-card { display: block !important; height: 500px !important; }';
const DARK_PAGE_CSS = 'body { background: #121212 !important; color: #eee !important; }';

describe('the card’s look', () => {
  it.each([
    // [how it looks, the reader's settings, the page's own CSS, element in the card, its computed style]
    ['dark when the system is', { colorScheme: 'dark' }, '', '.card', { backgroundColor: 'rgb(31, 32, 36)', color: 'rgb(236, 236, 241)' }],
    ['light when the system is', { colorScheme: 'light' }, '', '.card', { backgroundColor: 'rgb(255, 255, 255)', color: 'rgb(27, 27, 31)' }],
    ['dark on a dark page even when the system is light', { colorScheme: 'light' }, DARK_PAGE_CSS, '.card', { backgroundColor: 'rgb(31, 32, 36)' }],
    ['animated in by default', { reducedMotion: 'no-preference' }, '', '.card', { animationName: 'appear' }],
    ['still when the reader prefers reduced motion', { reducedMotion: 'reduce' }, '', '.card', { animationName: 'none' }],
    ['untouched by the page’s styles', { colorScheme: 'light' }, HOSTILE_CSS, 'h2', { fontSize: '16px', color: 'rgb(27, 27, 31)' }],
  ] as const)('%s', async (_how, media, css, selector, expected) => {
    const page = await openPage(session, 'seed-2-engage-exit');
    await page.emulateMedia(media);
    if (css) await page.addStyleTag({ content: css });
    await hoverCard(page, 'lee-freeman', 'Lee Freeman');
    const seen = await page.evaluate(
      ([sel, props]) => {
        const style = getComputedStyle(document.querySelector('met-card')!.shadowRoot!.querySelector(sel)!);
        return Object.fromEntries(props.map((p) => [p, style[p as 'color']]));
      },
      [selector, Object.keys(expected)] as const,
    );
    expect(seen).toEqual(expected);
    await page.close();
  });
});
