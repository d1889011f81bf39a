import { describe, expect, it } from 'vitest';
import { isoCalendarDate, readArticleDate } from '../../utils/page/article-date';
import { NEGATIVE_PAGES, SEED_PAGES, htmlDocument, loadPage } from '../helpers/fixtures';

const page = (head: string, body = '') => htmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('reading an article’s publication date', () => {
  it.each([
    ['seed-0-rowley-carrick', '2023-01-17'],
    ['seed-1-new-met-plan', '2023-07-18'],
    ['seed-2-engage-exit', '2025-03-06'],
    ['neg-dc-police', '2026-11-20'],
  ])('reads %s as %s', (name, expected) => {
    expect(readArticleDate(loadPage(name))).toBe(expected);
  });

  it('finds a date on every fixture page', () => {
    for (const name of [...SEED_PAGES, ...NEGATIVE_PAGES]) expect(readArticleDate(loadPage(name)), name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['the article:published_time meta tag', page('<meta property="article:published_time" content="2019-03-04T10:00:00Z">'), '2019-03-04'],
    ['JSON-LD datePublished', page(jsonLd({ '@type': 'NewsArticle', datePublished: '2020-05-06T08:00:00+01:00' })), '2020-05-06'],
    [
      'JSON-LD inside an @graph, skipping the WebPage',
      page(jsonLd({ '@graph': [{ '@type': 'WebPage', datePublished: '1999-01-01' }, { '@type': ['NewsArticle'], datePublished: '2021-11-22' }] })),
      '2021-11-22',
    ],
    ['a <time datetime> in the article', page('', '<article><time datetime="2018-06-01T12:00">1 June</time></article>'), '2018-06-01'],
    ['itemprop="datePublished"', page('<meta itemprop="datePublished" content="2017-02-03">'), '2017-02-03'],
    [
      'the meta tag before JSON-LD and <time>',
      page(`<meta property="article:published_time" content="2022-01-01">${jsonLd({ '@type': 'NewsArticle', datePublished: '2023-01-01' })}`, '<article><time datetime="2024-01-01"></time></article>'),
      '2022-01-01',
    ],
    ['broken JSON-LD, falling back to <time>', page('<script type="application/ld+json">{ not json</script>', '<time datetime="2016-10-31">'), '2016-10-31'],
  ])('from %s', (_what, doc, expected) => {
    expect(readArticleDate(doc)).toBe(expected);
  });

  it('says nothing when the page gives no date or an unreadable one', () => {
    expect(readArticleDate(page('<title>No date</title>', '<p>Published last Thursday</p>'))).toBeUndefined();
    expect(readArticleDate(page('<meta property="article:published_time" content="last Thursday">'))).toBeUndefined();
  });

  it.each([
    ['2023-01-17T08:00:00-05:00', '2023-01-17'],
    ['2023-01', '2023-01'],
    ['2023', '2023'],
    ['2023-13-01', undefined],
    ['17/01/2023', undefined],
    ['', undefined],
  ])('keeps the calendar date of %j at its precision', (value, expected) => {
    expect(isoCalendarDate(value)).toBe(expected);
  });
});
