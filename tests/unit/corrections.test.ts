import { describe, expect, it } from 'vitest';
import {
  correctionId,
  correctionsForPage,
  draftCorrection,
  normalisePageUrl,
  normaliseText,
  pageMayChange,
  type Correction,
} from '../../utils/corrections/correction';
import { ScanKeys, hiddenMentions, hiddenText, mentionKeys } from '../../utils/corrections/hide';
import type { Mention } from '../../utils/match/types';

const URL_A = 'https://www.standard.co.uk/news/crime/story.html';
const SITE = 'standard.co.uk';
const created = '2026-12-05T10:00:00.000Z';

/** Mentions of every occurrence of each [text, entity] in a text, in page order. */
function find(text: string, names: [string, string][]): Mention[] {
  const out: Mention[] = [];
  for (const [name, entityId] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ entityId, type: 'person', start: at, end: at + name.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const TEXT = 'Sir Mark Rowley spoke on Monday. Rowley said the plan works. Critics doubt Rowley. A Rowley Road resident agreed.';
const MENTIONS = find(TEXT, [['Rowley', 'mark-rowley']]).filter((m) => TEXT.slice(m.start - 9, m.start) !== 'Sir Mark ');
const hidden = (corrections: Correction[], place = { url: URL_A, site: SITE }, text = TEXT, mentions = MENTIONS) =>
  [...hiddenMentions(mentions, mentionKeys(mentions, text), place, corrections)].map((i) => `${mentions[i]!.entityId}@${mentions[i]!.start}`);

function notThisOne(index: number, text = TEXT, mentions = MENTIONS): Correction {
  const key = mentionKeys(mentions, text)[index]!;
  return draftCorrection('page', { entityId: 'mark-rowley', entityName: 'Sir Mark Rowley', key, url: URL_A, site: SITE }, new Date(created));
}

describe('which mentions corrections hide', () => {
  it('gives each mention its text, occurrence among its entity’s same text, and context', () => {
    const keys = mentionKeys(MENTIONS, TEXT);
    expect(keys.map((k) => [k.text, k.occurrence])).toEqual([['Rowley', 0], ['Rowley', 1], ['Rowley', 2]]);
    expect(keys[1]!.before.endsWith('Critics doubt ')).toBe(true);
    expect(keys[1]!.after.startsWith('. A Rowley Road')).toBe(true);
  });

  it('gives a scan’s mentions the same keys when worked out one entity at a time, on demand', () => {
    const text = 'Sir Mark Rowley met the Met. Rowley and the Met. Mark Rowley, Rowley, the Met.';
    const mentions = [...find(text, [['Rowley', 'mark-rowley']]), ...find(text, [['Met', 'metropolitan-police']])].sort((a, b) => a.start - b.start);
    const all = mentionKeys(mentions, text);
    const lazy = new ScanKeys(mentions, text);
    // Asked for in an order unlike the page's: the last mention first.
    const order = mentions.map((_, i) => i).reverse();
    expect(order.map((i) => lazy.of(mentions[i]!))).toEqual(order.map((i) => all[i]));
  });

  it('compares texts as the matcher reads them, whether or not they are plain ASCII', () => {
    expect(normaliseText('  Sir  Mark\nROWLEY ')).toBe('sir mark rowley');
    expect(normaliseText('Sadiq Khan\u2019s office')).toBe("sadiq khan's office");
    expect(normaliseText('\u201cSir\u00a0Mark\u201d')).toBe('"sir mark"');
    expect(normaliseText('\uff2d\uff45\uff54')).toBe('met');
  });

  it.each<[string, () => Correction[], string[]]>([
    ['nothing without corrections', () => [], []],
    ['"not this one": that mention only', () => [notThisOne(1)], ['mark-rowley@75']],
    ['"never on this site": every mention of the text on the site, of any entry', () => [{ kind: 'site', entityId: 'other', text: 'rowley', site: SITE, created }], ['mark-rowley@33', 'mark-rowley@75', 'mark-rowley@85']],
    ['"never on this site" made on another site: nothing here', () => [{ kind: 'site', entityId: 'mark-rowley', text: 'Rowley', site: 'bbc.co.uk', created }], []],
    ['"never as this entry": that text as that entity, everywhere', () => [{ kind: 'entry', entityId: 'mark-rowley', text: 'ROWLEY', site: 'bbc.co.uk', created }], ['mark-rowley@33', 'mark-rowley@75', 'mark-rowley@85']],
    ['"never as this entry" for another entity: nothing', () => [{ kind: 'entry', entityId: 'someone-else', text: 'Rowley', site: SITE, created }], []],
  ])('%s', (_, corrections, expected) => {
    expect(hidden(corrections())).toEqual(expected);
  });

  it('does not hide a "not this one" on another page, or after the query noise is stripped, on the same page', () => {
    expect(hidden([notThisOne(1)], { url: 'https://www.standard.co.uk/news/crime/other.html', site: SITE })).toEqual([]);
    expect(hidden([notThisOne(1)], { url: `${URL_A}?utm_source=twitter#comments`, site: SITE })).toEqual(['mark-rowley@75']);
  });

  it('finds a "not this one" by its context when the page adds text above it (a live blog)', () => {
    const correction = notThisOne(1);
    const longer = `Update: Rowley was asked again today. ${TEXT}`;
    const mentions = find(longer, [['Rowley', 'mark-rowley']]).filter((m) => longer.slice(m.start - 9, m.start) !== 'Sir Mark ');
    expect(hidden([correction], undefined, longer, mentions)).toEqual([`mark-rowley@${longer.indexOf('doubt Rowley') + 6}`]);
  });

  it('falls back to the occurrence when the words around it were edited', () => {
    const correction = notThisOne(1);
    const edited = TEXT.replace('Critics doubt Rowley.', 'Some critics still doubt Rowley!');
    const mentions = find(edited, [['Rowley', 'mark-rowley']]).filter((m) => edited.slice(m.start - 9, m.start) !== 'Sir Mark ');
    expect(hidden([correction], undefined, edited, mentions)).toEqual([`mark-rowley@${edited.indexOf('doubt Rowley') + 6}`]);
  });

  it('says how many it hid', () => {
    expect(hiddenText(1)).toBe('1 highlight hidden by your corrections');
    expect(hiddenText(2)).toBe('2 highlights hidden by your corrections');
  });
});

describe('a correction’s page, key and sender', () => {
  it.each([
    ['https://www.standard.co.uk/news/a.html#comments', 'https://www.standard.co.uk/news/a.html'],
    ['https://WWW.Standard.co.uk/news/a/?utm_source=x&fbclid=y', 'https://www.standard.co.uk/news/a'],
    ['https://example.com/article?page=2&id=7&utm_medium=email', 'https://example.com/article?id=7&page=2'],
    ['https://example.com/', 'https://example.com/'],
  ])('keeps %s as %s', (url, expected) => {
    expect(normalisePageUrl(url)).toBe(expected);
  });

  it('keys corrections by what they say, so the same one twice is one', () => {
    const a: Correction = { kind: 'site', entityId: 'x', text: 'The  Met', site: SITE, created };
    expect(correctionId(a)).toBe(correctionId({ ...a, entityId: 'y', text: 'the met', created: '2027-01-01T00:00:00.000Z' }));
    expect(correctionId(a)).not.toBe(correctionId({ ...a, site: 'bbc.co.uk' }));
  });

  it('sends a page only the corrections that can apply there', () => {
    const page = notThisOne(0);
    const site: Correction = { kind: 'site', entityId: 'x', text: 'Rowley', site: SITE, created };
    const other: Correction = { kind: 'site', entityId: 'x', text: 'Rowley', site: 'bbc.co.uk', created };
    const entry: Correction = { kind: 'entry', entityId: 'x', text: 'Rowley', site: 'bbc.co.uk', created };
    expect(correctionsForPage([page, site, other, entry], `${URL_A}#top`, SITE)).toEqual([page, site, entry]);
    expect(correctionsForPage([page, site, other, entry], 'https://www.bbc.co.uk/news', 'bbc.co.uk')).toEqual([other, entry]);
  });

  it('lets a page make or undo corrections for its own site (and page) only', () => {
    expect(pageMayChange(notThisOne(0), URL_A)).toBe(true);
    expect(pageMayChange(notThisOne(0), 'https://www.standard.co.uk/other.html')).toBe(false);
    const site: Correction = { kind: 'site', entityId: 'x', text: 'Rowley', site: SITE, created };
    expect(pageMayChange(site, 'https://standard.co.uk/any')).toBe(true);
    expect(pageMayChange(site, 'https://www.bbc.co.uk/news')).toBe(false);
    expect(pageMayChange(site, undefined)).toBe(false);
  });
});
