// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '../../components/Card';
import { buildCardModel } from '../../utils/card/model';
import { readerPublisher } from '../../utils/card/format';
import { holdingAt, rolesAtArticleDate } from '../../utils/card/timing';
import { chooseTheme, luminance } from '../../utils/card/theme';
import { loadBundledKb } from '../helpers/kb';
import { compareWithKb, compareWithKeyFigure } from '../../utils/match/statistics';
import { buildMatchIndex } from '../../utils/kb/match-index';
import { byPeriod } from '../../utils/kb/dates';
import type { Entity } from '../../utils/kb/schema';

/** A statistic entity as the matcher indexes it. */
const indexed = (entity: Entity) => buildMatchIndex('test', [entity]).stats[0]!;

const kb = loadBundledKb();
const byId = (id: string) => kb.entities.find((e) => e.id === id)!;
const TODAY = '2026-11-25';

function cardText(id: string, articleDate?: string): string {
  const root = document.createElement('div');
  render(<Card model={buildCardModel(byId(id), [], { articleDate, today: TODAY })} titleId="t" />, root);
  return root.textContent ?? '';
}

describe('what was true at the article’s date', () => {
  it.each([
    // [person, article date, what the card says]
    ['yvette-cooper', '2025-03-06', 'At the time of this article (March 2025), Yvette Cooper was Home Secretary (until September 2025) and had not yet become Foreign Secretary (from September 2025).'],
    ['mark-rowley', '2019-03-14', 'At the time of this article (March 2019), Sir Mark Rowley had not yet become Commissioner of the Metropolitan Police (from 12 September 2022).'],
    ['mark-rowley', '2016-05-01', 'At the time of this article (May 2016), Sir Mark Rowley was Head of Met counter-terrorism (until 2018) and had not yet become Commissioner of the Metropolitan Police (from 12 September 2022).'],
    ['louise-casey', '2022-11-01', 'At the time of this article (November 2022), Baroness Louise Casey was Lead, independent review of the Metropolitan Police (until March 2023).'],
  ])('%s on %s', (id, date, expected) => {
    const model = buildCardModel(byId(id), [], { articleDate: date, today: TODAY });
    expect(model.atArticle).toBe(expected);
    expect(cardText(id, date)).toContain(expected);
  });

  it.each([
    ['mark-rowley', '2023-01-17', 'the same roles then as now'],
    ['paul-stephenson', '2010-06-01', 'a role with no start date: unknown in 2010, so nothing is claimed'],
    ['yvette-cooper', '2025-09-10', 'the month the roles changed: too close to call'],
    ['david-carrick', '2015-01-01', 'no roles'],
  ])('%s on %s says nothing (%s)', (id, date) => {
    expect(buildCardModel(byId(id), [], { articleDate: date, today: TODAY }).atArticle).toBeUndefined();
  });

  it('says nothing when the page gives no date', () => {
    expect(buildCardModel(byId('yvette-cooper'), [], { today: TODAY }).atArticle).toBeUndefined();
  });

  it.each([
    [{ title: 'R', start: '2022-09-12' }, '2022-09-12', 'held'],
    [{ title: 'R', start: '2022-09-12' }, '2022-09-11', 'not-yet'],
    [{ title: 'R', start: '2022-09' }, '2022-09-20', 'unknown'],
    [{ title: 'R', start: '2014', end: '2018' }, '2019-01-01', 'ended'],
    [{ title: 'R', start: '2014', end: '2018' }, '2018-06-01', 'unknown'],
    [{ title: 'R', end: '2022-04' }, '2021-01-01', 'unknown'],
    [{ title: 'R', start: '2016' }, '2023-07', 'held'],
  ] as const)('role %j on %s is %s', (role, date, expected) => {
    expect(holdingAt(role, date)).toBe(expected);
  });

  it('rolesAtArticleDate joins several changes in one sentence', () => {
    const roles = [
      { title: 'A', start: '2010', end: '2012' },
      { title: 'B', start: '2010-05', end: '2013' },
      { title: 'C', start: '2020' },
    ];
    expect(rolesAtArticleDate('N', roles, '2011-06-01', TODAY)).toBe(
      'At the time of this article (June 2011), N was A (until 2012), was B (until 2013) and had not yet become C (from 2020).',
    );
  });
});

describe('the card by type', () => {
  it('a person: roles with dates under “Roles and dates”', () => {
    const text = cardText('lee-freeman');
    expect(text).toContain('Roles and dates');
    expect(text).toContain('2017 – 2023Chief Constable of Humberside Police');
    expect(text).toContain('since 2023HM Inspector of Constabulary and Fire & Rescue Services');
  });

  it('a review: who commissioned it and when, publication dates, and its latest step as its status', () => {
    const text = cardText('casey-review', '2022-11-01');
    expect(text).toContain('Key dates');
    expect(text).toContain('February 2022Baroness Casey appointed by the Met Commissioner to lead the review');
    expect(text).toContain('21 March 2023Final report published (after this article)');
    expect(text).not.toContain('17 October 2022Interim report on the Met’s misconduct system published (after this article)');
    expect(text).toContain('Latest: Final report published (21 March 2023).');
  });

  it('an inquiry: commissioned, published and the latest step', () => {
    const text = cardText('angiolini-inquiry');
    expect(text).toContain('Inquiry announced by Home Secretary Priti Patel');
    expect(text).toContain('Latest: Part 2 list of issues published (22 May 2024).');
    expect(text).not.toContain('after this article');
  });

  it('an organisation: what it is, with its relation to the Met in its summary', () => {
    const model = buildCardModel(byId('mopac'), [{ id: 'metropolitan-police', type: 'organisation', name: 'Metropolitan Police Service' }], {});
    expect(model.typeLabel).toBe('Organisation');
    expect(model.latestStep).toBeUndefined();
    expect(model.facts).toEqual([{ label: 'Created, replacing the Metropolitan Police Authority', when: '16 January 2012', afterArticle: false }]);
  });

  it('a statistic: the measure, the latest value with its date and source, and the series', () => {
    const model = buildCardModel(byId('stat-999-answered-10s'), [], {});
    expect(model.stat!.measure).toBeTruthy();
    expect(model.stat!.latest.value).toMatch(/%$/);
    // One kind of period per series: the calendar years, not the months or the half-year beside them.
    const values = byId('stat-999-answered-10s').stat!.values;
    expect(model.stat!.series.map((p) => p.date).sort()).toEqual(values.filter((v) => v.period === 'calendar-year').map((v) => v.date).sort());
    // The latest value is named by its period, not as if it were the whole year.
    const latest = byPeriod(values).at(-1)!;
    expect(model.stat!.latest.date).toBe(latest.period === 'calendar-year' ? latest.date : latest.label);
    expect(model.latestStep).toBeUndefined();
  });

  it('a statistic read on the page: compared with the sourced figure for the same period, or said to have none', () => {
    const entity = byId('stat-999-answered-10s');
    const [first] = byPeriod(entity.stat!.values);
    // A page's year is compared with a value for that whole calendar year.
    const whole = byPeriod(entity.stat!.values).find((v) => v.date.length === 4)!;
    const year = whole.date;
    const same = compareWithKb(indexed(entity), whole.value, false, year);
    expect(buildCardModel(entity, [], { reading: same }).stat!.page).toMatchObject({ differs: false, note: expect.stringMatching(/^Matches the sourced figure: .+ for \d{4} \(.+, .+\)\.$/) });
    const before = compareWithKb(indexed(entity), 50, false, '1990');
    expect(buildCardModel(entity, [], { reading: before }).stat!.page).toEqual({ value: '50%', differs: false, note: 'No sourced figure for 1990 to compare with.' });
    const differing = compareWithKb(indexed(entity), 1, false, year);
    expect(buildCardModel(entity, [], { reading: differing }).stat!.page).toMatchObject({ differs: true, note: expect.stringMatching(/^This page: 1% for \d{4}\. Sourced: .+% for \d{4} \(.+, .+\)\.$/) });
    // A sourced value from after the article's date is not what the page reported.
    const [, ...laterValues] = byPeriod(entity.stat!.values);
    const newest = laterValues.at(-1)!;
    const agreeing = compareWithKb(indexed(entity), newest.value, false);
    expect(agreeing.kbValue).toEqual({ value: newest.value, date: newest.date });
    expect(buildCardModel(entity, [], { reading: agreeing, articleDate: first!.date.slice(0, 4) + '-01-01' }).stat!.page).toEqual({
      value: expect.any(String),
      differs: false,
      note: 'The page does not say which period this figure is for, so it is not compared.',
    });
    // No period on the page: nothing is claimed.
    const undated = compareWithKb(indexed(entity), 1, false);
    expect(buildCardModel(entity, [], { reading: undated }).stat!.page).toEqual({
      value: '1%',
      differs: false,
      note: 'The page does not say which period this figure is for, so it is not compared.',
    });
  });
});

describe('a statistic value’s period on the card', () => {
  it('names a value with no stated period as such, never as a year', () => {
    const entity = byId('stat-officers-dismissed');
    const unstated = entity.stat!.values.find((v) => v.period === 'unstated')!;
    const reading = compareWithKb(indexed(entity), unstated.value, true);
    expect(buildCardModel(entity, [], { reading }).stat!.page!.note).toMatch(new RegExp(`^Matches the sourced figure: ${unstated.value}, period not stated \\(`));
  });
});

describe('sources on the card', () => {
  it.each([
    ['The Standard (via inkl)', 'The Standard'],
    ['Reuters (via MarketScreener)', 'Reuters'],
    ['Wikipedia (via WikiMili; secondary source)', 'Wikipedia'],
    ['TheInfoList (Wikipedia text; secondary source)', 'Wikipedia'],
    ['Sky News (cached)', 'Sky News'],
    ['Express & Star (PA)', 'Express & Star (PA)'],
    ['Hansard (House of Lords)', 'Hansard (House of Lords)'],
  ])('names %j as a reader knows it: %j', (stored, shown) => {
    expect(readerPublisher(stored)).toBe(shown);
  });

  it('lists two copies of one article once', () => {
    const entity = { ...byId('david-carrick'), sources: [
      { publisher: 'The Guardian (via inkl)', title: 'A story', date: '2023-01-16', url: 'https://inkl.com/a' },
      { publisher: 'The Guardian (via PressReader)', title: 'A story', date: '2023-01-16' },
    ] };
    expect(buildCardModel(entity, [], {}).sources).toEqual([{ publisher: 'The Guardian', title: 'A story', date: '16 January 2023', url: 'https://inkl.com/a' }]);
  });
});

describe('key figures on the card', () => {
  const carrick = byId('david-carrick');
  const keyFigure = (n: number) => buildMatchIndex('test', [carrick]).stats.find((s) => s.keyFigure === n)!;

  it('lists the entry’s sourced key figures with their sources', () => {
    const model = buildCardModel(carrick, [], {});
    expect(model.figures!.items[0]).toEqual({ text: '49 charges he pleaded guilty to', source: 'The Independent, 16 January 2023', onPage: false });
    expect(model.figures!.page).toBeUndefined();
  });

  it('puts the one on the page first and says, in neutral words, whether the page agrees', () => {
    const agreeing = compareWithKeyFigure(keyFigure(3), 36, false)!;
    const model = buildCardModel(carrick, [], { reading: agreeing });
    expect(model.figures!.items[0]!).toMatchObject({ text: '36 life sentences he received', onPage: true });
    expect(model.figures!.page).toEqual({ differs: false, note: 'Matches the sourced figure: 36 life sentences he received (BBC News, 7 February 2023).' });
    const differing = compareWithKeyFigure(keyFigure(0), 48, false, '2024-03-01')!;
    expect(buildCardModel(carrick, [], { reading: differing }).figures!.page).toEqual({
      differs: true,
      note: 'This page: 48. Sourced: 49 charges he pleaded guilty to (The Independent, 16 January 2023).',
    });
    const root = document.createElement('div');
    render(<Card model={buildCardModel(carrick, [], { reading: differing })} titleId="t" />, root);
    expect(root.querySelector('[aria-label="Key figures"] .page-figure.differs')!.getAttribute('role')).toBe('note');
  });
});

describe('the card’s theme', () => {
  it.each([
    [['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'], 'normal', false, 'light'],
    [['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'], 'normal', true, 'dark'], // a light page that ignores the scheme: the system decides
    [['rgb(17, 17, 17)', 'rgb(255, 255, 255)'], 'normal', false, 'dark'], // a dark page, whatever the system says
    [['rgba(0, 0, 0, 0)', 'rgb(20, 22, 30)'], 'normal', false, 'dark'], // the root's background shows through a transparent body
    [['rgb(250, 250, 250)', 'rgba(0, 0, 0, 0)'], 'light dark', true, 'light'], // a page that follows the scheme and still shows light
    [['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'normal', true, 'dark'],
  ])('backgrounds %j, color-scheme %s, system dark %s → %s', (backgrounds, colorScheme, systemDark, expected) => {
    expect(chooseTheme({ backgrounds, colorScheme, systemDark })).toBe(expected);
  });

  it('reads luminance from computed colours', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(0 0 0 / 0.1)')).toBeUndefined();
    expect(luminance('transparent')).toBeUndefined();
  });
});
