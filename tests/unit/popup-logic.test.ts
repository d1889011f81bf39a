import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { readArticleDate } from '../../utils/page/article-date';
import { buildTimeline, yearFraction } from '../../utils/popup/timeline';
import { decidePopupState, NOT_READ_YET, popupSwitches } from '../../utils/popup/page-state';
import { shouldAnnotate } from '../../utils/page/should-annotate';
import { isListedSite, isScriptablePage, siteOfPattern, sitePermissionPattern } from '../../utils/sites';
import { DEFAULT_HIGHLIGHT, type PageSettings } from '../../utils/settings';
import { loadBundledKb } from '../helpers/kb';
import type { PageSummary, SummaryEntity } from '../../utils/page/summary';
import { groupSummary } from '../../utils/popup/view-model';

function doc(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('the article’s publication date', () => {
  it.each([
    ['Open Graph meta', '<meta property="article:published_time" content="2025-03-06T12:41:00+00:00">', '2025-03-06'],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-02T08:00:00Z"}</script>', '2024-11-02'],
    ['JSON-LD in a @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-01-16"}]}</script>', '2023-01-16'],
    ['a time element', '<article><time datetime="2022-09-12T10:00">12 Sept</time></article>', '2022-09-12'],
    ['broken JSON-LD, then a time element', '<script type="application/ld+json">{oops</script><time datetime="2021-10-01">x</time>', '2021-10-01'],
    ['nothing', '<p>No date here</p>', undefined],
  ])('reads %s', (_, html, expected) => {
    expect(readArticleDate(doc(`<html><head></head><body>${html}</body></html>`))).toBe(expected);
  });
});

describe('the timeline', () => {
  const kb = loadBundledKb();
  const pick = (...ids: string[]) => ids.map((id) => kb.entities.find((e) => e.id === id)!);

  it('lists key dates and the start and end of roles, oldest first, with the article placed among them', () => {
    const model = buildTimeline(pick('mark-rowley', 'david-carrick'), '2025-03-06')!;
    const labels = model.events.map((e) => `${e.date} ${e.name}: ${e.label}`);
    expect(labels).toContain('2022-09-12 Sir Mark Rowley: Took the oath and started as Commissioner');
    expect(labels).toContain('2014 Sir Mark Rowley: Began: Head of Met counter-terrorism');
    expect(labels).toContain('2018 Sir Mark Rowley: Ended: Head of Met counter-terrorism');
    expect(model.events.map((e) => e.date)).toEqual(model.events.map((e) => e.date).sort());
    expect(model.article).toEqual({ date: '2025-03-06', when: '6 March 2025', x: expect.any(Number) });
    // Everything sits on the axis, and the article is right of every event here.
    for (const e of model.events) expect(e.x).toBeGreaterThanOrEqual(0);
    expect(model.article!.x).toBeLessThanOrEqual(1);
    expect(Math.max(...model.events.map((e) => e.x))).toBeLessThan(model.article!.x);
    expect(model.ticks.length).toBeGreaterThan(1);
  });

  it('has nothing to draw for entities without dates', () => {
    expect(buildTimeline([], '2025-01-01')).toBeNull();
  });

  it('places partial dates at the start of the period they name', () => {
    expect(yearFraction('2022')).toBe(2022);
    expect(yearFraction('2022-07')).toBe(2022.5);
  });
});

const settings = (over: Partial<PageSettings> = {}): PageSettings => ({
  allSites: true,
  siteOn: true,
  siteAdded: false,
  everySite: false,
  highlight: DEFAULT_HIGHLIGHT,
  tabStops: true,
  ...over,
});

describe('where it runs', () => {
  it.each([
    ['a listed site, all on', settings(), true, true],
    ['a listed site switched off', settings({ siteOn: false }), true, false],
    ['every site switched off', settings({ allSites: false }), true, false],
    ['an unlisted site not added', settings(), false, false],
    ['an unlisted site the reader added', settings({ siteAdded: true }), false, true],
    ['an unlisted site, with every site chosen', settings({ everySite: true }), false, true],
    ['an unlisted site switched off, with every site chosen', settings({ everySite: true, siteOn: false }), false, false],
    ['every site chosen, but all switched off', settings({ everySite: true, allSites: false }), false, false],
  ])('%s', (_, s, listed, expected) => {
    expect(shouldAnnotate(s, listed)).toBe(expected);
  });

  it('knows the curated list, subdomains included, and one pattern per added site', () => {
    expect(isListedSite('www.bbc.co.uk')).toBe(true);
    expect(isListedSite('news.bbc.co.uk')).toBe(true);
    expect(isListedSite('notbbc.co.uk')).toBe(false);
    expect(sitePermissionPattern('www.unlisted.example')).toBe('*://*.unlisted.example/*');
    expect(siteOfPattern('*://*.unlisted.example/*')).toBe('unlisted.example');
    expect(siteOfPattern('*://*/*')).toBeNull();
  });

  it.each([
    ['https://www.bbc.co.uk/news', true],
    ['http://unlisted.example/a', true],
    ['chrome://extensions', false],
    ['about:blank', false],
    ['https://chromewebstore.google.com/detail/x', false],
    [undefined, false],
  ])('%s can run scripts: %s', (url, expected) => {
    expect(isScriptablePage(url)).toBe(expected);
  });
});

describe('what the popup says', () => {
  const summary: PageSummary = { site: 'unlisted.example', enabled: true, settled: true, relevant: true, reason: '', counts: {}, entities: [] };

  it.each([
    ['the page answered', { url: 'http://unlisted.example/a', summary, granted: true }, { kind: 'ready', summary, added: true }],
    ['no address (a browser page: activeTab shows every other)', { granted: false }, { kind: 'browser-page' }],
    ['a browser page', { url: 'chrome://settings', granted: false }, { kind: 'browser-page' }],
    ['a listed site not read yet', { url: 'https://www.bbc.co.uk/news', granted: false }, { kind: 'unavailable', reason: NOT_READ_YET }],
    ['an unlisted site', { url: 'http://www.unlisted.example/a', granted: false }, { kind: 'not-added', site: 'unlisted.example' }],
  ] as const)('when %s', (_, facts, expected) => {
    expect(decidePopupState(facts)).toEqual(expected);
  });

  it('shows the site switch on only where the page is annotated', () => {
    expect(popupSwitches(settings({ siteAdded: true }), 'unlisted.example')).toEqual({ all: true, site: true, everySite: false });
    expect(popupSwitches(settings(), 'unlisted.example')).toEqual({ all: true, site: false, everySite: false });
    expect(popupSwitches(settings({ everySite: true }), 'unlisted.example')).toEqual({ all: true, site: true, everySite: true });
    expect(popupSwitches(settings({ allSites: false }), 'bbc.co.uk')).toEqual({ all: false, site: true, everySite: false });
  });
});

describe('the popup’s list of what the page mentions', () => {
  it('groups by type, statistics first, and lists a differing figure, then the most mentioned, then by name', () => {
    const entity = (id: string, type: SummaryEntity['type'], mentions: number, differs = false): SummaryEntity => ({ id, type, name: id, mentions, differs });
    // As the page sends them: in the order first mentioned.
    const summary = {
      entities: [
        entity('Wayne Couzens', 'person', 2),
        entity('Metropolitan Police', 'organisation', 9),
        entity('Andy Marsh', 'person', 2),
        entity('officer numbers', 'statistic', 1),
        entity('Mark Rowley', 'person', 5),
        entity('999 answering', 'statistic', 1, true),
        entity('Éamonn Doyle', 'person', 2),
      ],
    } as PageSummary;
    expect(groupSummary(summary).map((g) => [g.label, g.entities.map((e) => e.name)])).toEqual([
      ['Statistics', ['999 answering', 'officer numbers']],
      ['People', ['Mark Rowley', 'Andy Marsh', 'Éamonn Doyle', 'Wayne Couzens']],
      ['Organisations', ['Metropolitan Police']],
    ]);
  });
});
