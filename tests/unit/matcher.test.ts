import { describe, expect, it } from 'vitest';
import { PageMatcher } from '../../utils/match/page-matcher';
import { buildMatchIndex } from '../../utils/kb/match-index';
import type { Entity } from '../../utils/kb/schema';
import { FigureRules } from '../../utils/match/figures';
import { resolveOverlaps } from '../../utils/match/names';
import { compareWithKb } from '../../utils/match/statistics';
import { tokenize } from '../../utils/match/tokens';
import { Vocabulary } from '../../utils/match/vocabulary';
import { bundledIndex } from '../helpers/kb';

const source = { publisher: 'Test', title: 'Test source', date: '2024-01-01' };
const entity = (e: Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>): Entity => ({
  summary: 'A summary long enough for the schema.',
  sources: [source],
  checked: '2026-11-25',
  ...e,
});

const index = buildMatchIndex('test', [
  entity({
    id: 'met',
    type: 'organisation',
    name: 'Metropolitan Police Service',
    aliases: [
      { text: 'Metropolitan Police', notFollowedBy: ['Department'] },
      { text: 'Met Police' },
      { text: 'the Met', caseSensitive: true, notFollowedBy: ['Office', 'Gala', 'Museum', 'Opera'] },
    ],
  }),
  entity({
    id: 'rowley',
    type: 'person',
    name: 'Sir Mark Rowley',
    aliases: [{ text: 'Sir Mark Rowley' }, { text: 'Mark Rowley' }, { text: 'Rowley', afterFullName: true }, { text: 'Sir Mark', afterFullName: true }],
  }),
  entity({ id: 'yard', type: 'organisation', name: 'Scotland Yard', aliases: [{ text: 'Scotland Yard' }] }),
  entity({ id: 'fed', type: 'organisation', name: 'Police Federation', aliases: [{ text: 'Police Federation', notPrecededBy: ['Scottish'] }] }),
  entity({
    id: 'engage',
    type: 'monitoring',
    name: 'Engage',
    aliases: [{ text: 'Engage', caseSensitive: true, context: ['monitoring', 'watchdog', 'inspectorate'] }],
  }),
  entity({
    id: 'stat-999',
    type: 'statistic',
    name: '999 calls answered within 10 seconds',
    aliases: [],
    stat: {
      measure: 'Share of 999 calls answered within 10 seconds',
      unit: 'percent',
      cues: [['999 calls', 'emergency calls'], ['answered']],
      values: [
        { value: 77.6, date: '2024', source },
        { value: 86.2, date: '2025-02', source },
      ],
    },
  }),
  entity({
    id: 'stat-officers',
    type: 'statistic',
    name: 'Officers under investigation',
    aliases: [],
    stat: { measure: 'Officers under investigation', unit: 'count', cues: [['officers'], ['investigation', 'investigations', 'investigated']], values: [{ value: 800, date: '2023-01', source }] },
  }),
  entity({
    id: 'stat-claims',
    type: 'statistic',
    name: 'Claims under review',
    aliases: [],
    stat: { measure: 'Claims reviewed', unit: 'count', cues: [['claims', 'allegations'], ['investigation', 'investigations', 'review']], values: [{ value: 1000, date: '2023-01', source }] },
  }),
  entity({
    id: 'stat-budget',
    type: 'statistic',
    name: 'Budget of the plan',
    aliases: [],
    stat: { measure: 'Plan budget', unit: 'gbp', cues: [['plan']], values: [{ value: 366e6, date: '2023-07', source }] },
  }),
]);

const matcher = new PageMatcher(index);
const LONDON = ' It happened in London.';

function found(text: string): string[] {
  const { mentions } = matcher.match(text + LONDON);
  return mentions.map((m) => `${m.entityId}:${(text + LONDON).slice(m.start, m.end)}${m.stat?.differs ? '!' : ''}`);
}

describe('names', () => {
  it.each<[string, string[]]>([
    ['Sir Mark Rowley spoke for the Metropolitan Police.', ['rowley:Sir Mark Rowley', 'met:Metropolitan Police']],
    ['Rowley spoke first. Then Sir Mark Rowley spoke for the Met Police.', ['rowley:Sir Mark Rowley', 'met:Met Police']],
    ['Mark Rowley spoke. Later Rowley\u2019s plan and Sir Mark\u2019s team were praised by Scotland Yard.', [
      'rowley:Mark Rowley', 'rowley:Rowley', 'rowley:Sir Mark', 'yard:Scotland Yard',
    ]],
    ['SIR MARK\u00A0ROWLEY met the Met Police chief at Scotland Yard.', ['rowley:SIR MARK\u00A0ROWLEY', 'met:Met Police', 'yard:Scotland Yard']],
    ['Sir Mark\nRowley spoke at Scotland Yard.', ['rowley:Sir Mark\nRowley', 'yard:Scotland Yard']],
    ['The Met Office warned of rain, said Scotland Yard and the Met Police.', ['yard:Scotland Yard', 'met:Met Police']],
    ['Scotland Yard staff went to the Met Gala and the Met.', ['yard:Scotland Yard', 'met:the Met']],
    ['Scotland Yard: officers met the mayor and the met team.', ['yard:Scotland Yard']],
    ['Scotland Yard left the enhanced monitoring process called Engage.', ['yard:Scotland Yard', 'engage:Engage']],
    ['Scotland Yard said people engage with Engage events.', ['yard:Scotland Yard']],
    ['Scotland Yard backs Rowleyson and Markrowley.', ['yard:Scotland Yard']],
    ['Scotland Yard and the Scottish Police Federation met the Police Federation.', ['yard:Scotland Yard', 'fed:Police Federation']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('relevance', () => {
  it.each<[string, boolean]>([
    ['The Met Office forecast rain for London.', false],
    ['The Metropolitan Police Department in Washington arrested a man.', false],
    ['The Metropolitan Police said it would review the case in London.', true],
    ['Scotland Yard confirmed the arrest in London.', true],
    ['Scotland Yard confirmed the arrest.', false],
    // An anchor with another KB entity named in full: about the Met, even without "London".
    ['The Metropolitan Police said Sir Mark Rowley would review the case.', true],
    ['The Metropolitan Police Department said Sir Mark Rowley would visit.', false],
    ['Sir Mark Rowley and the Police Federation spoke.', false],
    // The force's full name is enough on its own.
    ['The Metropolitan Police Service (MPS) accepted the recommendation.', true],
    // "the Met" with a London place or body, as the force's own and City Hall's releases put it.
    ['The Met said officers were called to an address in Brixton.', true],
    ['MOPAC said the Met would publish the figures.', true],
    ['A spokesperson for the Mayor of London said the Met had apologised.', true],
    ['Officers in Tower Hamlets told the Met about the case.', true],
    // ... and what "the Met" is not, London or no London.
    ['We spent a day at the Met in New York before flying home to London.', false],
    ['The Met Opera opens its season; critics flew in from London.', false],
    ['The Met Office warned Londoners of snow.', false],
    ['London will be hottest, and the Met also said thunderstorms are likely. The Met’s yellow weather warning runs to Sunday.', false],
    ['Met Éireann warned of storms; flights to London were cancelled.', false],
    ['Union leaders met the minister in Croydon.', false],
    ['the met said nothing in Hackney.', false],
    // Another city's force, London or no London; the London force in headline case.
    ['Tokyo Metropolitan Police officers arrested a man who had lived in London.', false],
    ['Las Vegas Metropolitan Police said a tourist from London was hurt.', false],
    ['Former Metropolitan Police officer jailed; London court told of abuse.', true],
    ['A former Metropolitan Police officer was jailed in London.', true],
    ['London’s Metropolitan Police said the review would report in June.', true],
  ])('%j is about the Met police: %s', (text, relevant) => {
    expect(matcher.match(text).relevance.relevant).toBe(relevant);
  });

  it.each<[string, boolean]>([
    // People and cases of the Met's own story, the force never named.
    ['Martyn Blake was cleared of murdering Chris Kaba, a jury found on Monday.', true],
    ['Wayne Couzens was given a whole life order for the murder of Sarah Everard.', true],
    // National figures and bodies, and one name alone, do not make a page about the Met.
    ['Yvette Cooper and Andy Cooke spoke about police standards in Manchester.', false],
    ['The IOPC said HMICFRS and the College of Policing had been told about the Greater Manchester officer.', false],
    ['Chris Kaba was named in a report on road safety.', false],
  ])('on the shipped KB, %j is about the Met police: %s', (text, relevant) => {
    const result = new PageMatcher(bundledIndex()).match(text);
    expect(result.relevance.relevant).toBe(relevant);
    if (relevant) expect(result.relevance.reason).toMatch(/from the Met’s own story/);
  });

  it('takes a page on the force’s own sites as about the force, whatever it says', () => {
    const text = 'Officers arrested a man on Tuesday. He remains in custody.';
    expect(new PageMatcher(index).match(text, { site: 'news.met.police.uk' }).relevance).toEqual({
      relevant: true,
      reason: 'This is one of the Metropolitan Police’s own sites.',
    });
    expect(new PageMatcher(index).match(text, { site: 'met.police.uk.example' }).relevance.relevant).toBe(false);
    expect(matcher.match(text).relevance.relevant).toBe(false);
  });

  it('gives no mentions at all on a page that is not about the Met', () => {
    const result = matcher.match('Mark Rowley, a painter, met friends at the Met Gala in New York.');
    expect(result.mentions).toEqual([]);
    expect(result.relevance.reason).toMatch(/not appear to be about/);
  });
});

describe('statistics', () => {
  it.each<[string, string[]]>([
    [
      'Scotland Yard said around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024.',
      ['yard:Scotland Yard', 'stat-999:86.2 per cent', 'stat-999:77.6 per cent'],
    ],
    // No period on the page: tied to the measure, never said to differ.
    ['Scotland Yard said 80% of 999 calls were answered.', ['yard:Scotland Yard', 'stat-999:80%']],
    // A year on the page is not compared with one month's value in it.
    ['Scotland Yard: 77.6 per cent of emergency calls were answered in 2025.', ['yard:Scotland Yard', 'stat-999:77.6 per cent']],
    [
      'Scotland Yard said investigations were underway into some 800 officers over 1,000 claims.',
      ['yard:Scotland Yard', 'stat-officers:800', 'stat-claims:1,000'],
    ],
    ['Scotland Yard published a £366 million, two-year plan.', ['yard:Scotland Yard', 'stat-budget:£366 million']],
    ['Scotland Yard published a £400m plan.', ['yard:Scotland Yard', 'stat-budget:£400m']],
    ['Scotland Yard said a 48-year-old officer was under investigation.', ['yard:Scotland Yard']],
    ['Scotland Yard answered 999 calls in 2024.', ['yard:Scotland Yard']],
    [
      'Scotland Yard said 86.2 per cent of 999 calls were answered. In January, it reached 77.6 per cent.',
      ['yard:Scotland Yard', 'stat-999:86.2 per cent', 'stat-999:77.6 per cent'],
    ],
    ['Scotland Yard said 86.2 per cent of 999 calls were answered. Turnout reached 40 per cent.', ['yard:Scotland Yard', 'stat-999:86.2 per cent']],
    // A target is an aim, not a reading; the verb "target" is not a target.
    ['Scotland Yard answered 86.2 per cent of 999 calls against a national target of 90 per cent.', ['yard:Scotland Yard', 'stat-999:86.2 per cent']],
    ['Scotland Yard said its officers target the 800 officers under investigation.', ['yard:Scotland Yard', 'stat-officers:800']],
    ['Scotland Yard wants 700 more officers under investigation.', ['yard:Scotland Yard']],
    // A count far from every sourced value of a measure is about something else.
    ['Scotland Yard said ten officers under investigation face hearings.', ['yard:Scotland Yard']],
    ['Scotland Yard said 8,000 officers were under investigation.', ['yard:Scotland Yard']],
    ['Scotland Yard said 700 officers were under investigation.', ['yard:Scotland Yard', 'stat-officers:700']],
    // Part of a year against a yearly series; an aim, a pledge and an estimate are not readings.
    ['Scotland Yard said 700 officers were under investigation between January and September.', ['yard:Scotland Yard', 'stat-officers:700']],
    ['Scotland Yard said its aim is to answer 90% of 999 calls within ten seconds.', ['yard:Scotland Yard']],
    ['Scotland Yard pledged 500 officers for the investigation.', ['yard:Scotland Yard']],
    ['Scotland Yard said an estimated 900 officers were under investigation.', ['yard:Scotland Yard']],
    ['Scotland Yard backed proposals to fund 500 officers for the investigation.', ['yard:Scotland Yard']],
    ['Scotland Yard said it could lose 700 officers under investigation.', ['yard:Scotland Yard']],
    // Another force's count is not the Met's.
    ['Scotland Yard said 183 officers were under investigation, followed by Essex Police, with 43 officers under investigation.', ['yard:Scotland Yard', 'stat-officers:183']],
    ['Kent Constabulary said 700 officers were under investigation; Scotland Yard would not comment.', ['yard:Scotland Yard']],
    ['The Metropolitan Police said 700 officers were under investigation.', ['met:Metropolitan Police', 'stat-officers:700']],
    // A period the page states, and a value for it that differs: the one flag allowed.
    ['Scotland Yard said 70% of 999 calls were answered in 2024.', ['yard:Scotland Yard', 'stat-999:70%!']],
    // The period opening a sentence is its first figure's; a later one is for another time.
    ['In 2024, Scotland Yard answered 70% of 999 calls, but this rose to 81% later.', ['yard:Scotland Yard', 'stat-999:70%!', 'stat-999:81%']],
    // "N of those": the part takes the whole's noun, and the whole is not the same measure.
    ['Scotland Yard looked at 1,000 officers, and 800 of those were under investigation.', ['yard:Scotland Yard', 'stat-officers:800']],
    ['Scotland Yard said 800 officers were under investigation and 700 of them were suspended.', ['yard:Scotland Yard', 'stat-officers:800']],
    ['Scotland Yard looked across 1,000 officers under investigation and found fault in 800 of them.', ['yard:Scotland Yard', 'stat-officers:800']],
    // A back-reference continues the previous sentence's measure, never one in the same sentence.
    ['Scotland Yard said 800 officers were under investigation, and that 12 months had passed.', ['yard:Scotland Yard', 'stat-officers:800']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('records the page value, the compared KB value and the period', () => {
    const text = 'Scotland Yard said 80.0 per cent of 999 calls were answered in 2024, in London.';
    const stat = matcher.match(text).mentions.find((m) => m.entityId === 'stat-999')!.stat!;
    expect(stat).toEqual({ value: 80, approximate: false, period: '2024', kbValue: { value: 77.6, date: '2024' }, differs: true });
  });

  it('reads the period that opens the sentence', () => {
    const text = 'In September 2022, Scotland Yard said 80.0 per cent of 999 calls were answered in London.';
    const stat = matcher.match(text).mentions.find((m) => m.entityId === 'stat-999')!.stat!;
    // The KB has no figure for September 2022: nothing to differ from.
    expect([stat.period, stat.kbValue, stat.differs]).toEqual(['2022-09', undefined, false]);
    const later = matcher.match('In 2024, Scotland Yard said 77.6 per cent of 999 calls were answered in London.').mentions;
    expect(later.find((m) => m.entityId === 'stat-999')!.stat).toMatchObject({ period: '2024', differs: false });
  });

  it('matches the latest sourced value that agrees, not an older one', () => {
    const stat = {
      entity: 0,
      unit: 'count' as const,
      cues: [],
      values: [
        { value: 33_500, date: '2024-12' },
        { value: 33_000, date: '2010-09' },
      ],
    };
    expect(compareWithKb(stat, 34_000, true).kbValue).toEqual({ value: 33_500, date: '2024-12' });
    expect(compareWithKb(stat, 33_000, false).kbValue).toEqual({ value: 33_000, date: '2010-09' });
  });

  it('matches the value the figure equals before one it only rounds to', () => {
    const stat = {
      entity: 0,
      unit: 'count' as const,
      cues: [],
      values: [
        { value: 11_178, date: '2024-12' },
        { value: 11_200, date: '2025-02' },
      ],
    };
    expect(compareWithKb(stat, 11_178, false).kbValue).toEqual({ value: 11_178, date: '2024-12' });
    expect(compareWithKb(stat, 11_200, true).kbValue).toEqual({ value: 11_200, date: '2025-02' });
  });

  it('compares a month with that month’s figure only', () => {
    const read = (when: string) =>
      matcher.match(`Scotland Yard said 80.0 per cent of 999 calls were answered in ${when} in London.`).mentions.find((m) => m.entityId === 'stat-999')!.stat!;
    expect(read('February 2025')).toMatchObject({ period: '2025-02', differs: true, kbValue: { value: 86.2, date: '2025-02' } });
    expect(read('March 2025')).toEqual({ value: 80, approximate: false, differs: false, period: '2025-03' });
  });

  it.each<[string, string | undefined]>([
    ['were answered in 2024.', '2024'],
    ['were answered during 1999.', '1999'],
    ['were answered, in 2024.', undefined],
    ['were answered; in 2024.', undefined],
    ['were answered in 2150.', undefined],
    ['were answered in 20245.', undefined],
    ['were answered in C2024.', undefined],
    ['were answered in February 2024.', '2024-02'],
    ['were answered by March 2024.', undefined],
  ])('reads the period named in the same clause: “…%s”', (rest, period) => {
    const text = `Scotland Yard said 80.0 per cent of 999 calls ${rest} London.`;
    const stat = matcher.match(text).mentions.find((m) => m.entityId === 'stat-999')!.stat!;
    expect(stat.period).toBe(period);
  });
});

describe('figures', () => {
  const vocabulary = new Vocabulary();
  const rules = new FigureRules(vocabulary);
  const findFigures = (text: string) => rules.find(tokenize(text, vocabulary));

  it('reads counts written as words and "N out of M" as one figure', () => {
    const figures = findFigures('graded seven out of eight areas, and 3 of 4 teams; two-year plan; 48-year-old');
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [7, 'count'],
      [3, 'count'],
    ]);
  });

  it('reads ratios as the share they state, and "one" only as the start of a ratio', () => {
    const figures = findFigures('one in five officers, 1 in 4 staff, one officer, two in 2024');
    expect(figures.map((f) => [f.value, f.unit, f.approximate])).toEqual([
      [20, 'percent', true],
      [25, 'percent', true],
      [2, 'count', false],
      [2024, 'count', false],
    ]);
  });

  it('reads money with multipliers and percentages in both spellings', () => {
    const figures = findFigures('£366 million, £1.2bn, £500k, 86.2 per cent, 90.9%, more than 100+ officers');
    expect(figures.map((f) => [f.value, f.unit, f.approximate])).toEqual([
      [366e6, 'gbp', false],
      [1.2e9, 'gbp', false],
      [500e3, 'gbp', false],
      [86.2, 'percent', false],
      [90.9, 'percent', false],
      [100, 'count', true],
    ]);
  });

  it('reads thousands separators only in groups of three, and not numbers inside versions or codes', () => {
    // "1,2345" reads as 1,234 (the 5 is left over); "1234,567" as 1234 (567 follows a comma).
    const figures = findFigures('1,2345 and 1234,567 and 12,345.5 then v3.4.1 and A1, then 5  in  10 and 86.2\u00A0per cent');
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [1234, 'count'],
      [1234, 'count'],
      [12345.5, 'count'],
      [50, 'percent'],
      [86.2, 'percent'],
    ]);
  });
});

describe('resolveOverlaps', () => {
  it('lets the longest of a chain of overlapping candidates win, then the leftmost, and keeps the rest apart', () => {
    const c = (first: number, last: number, span: number) => ({ first, last, span });
    const chain = [c(3, 4, 12), c(0, 1, 10), c(1, 3, 15)];
    const apart = [c(8, 8, 5), c(10, 11, 9), c(11, 12, 9)];
    expect(resolveOverlaps([...apart, ...chain])).toEqual([c(1, 3, 15), c(8, 8, 5), c(10, 11, 9)]);
  });
});

describe('the bundled KB on phrasing seen in real reports', () => {
  const shipped = new PageMatcher(bundledIndex());
  const seen = (text: string) => shipped.match(text).mentions.map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);

  it.each<[string, string[]]>([
    [
      'The Metropolitan Police Service (MPS) said Sir Mark Rowley had asked the MPS to act.',
      ['metropolitan-police:Metropolitan Police Service', 'metropolitan-police:MPS', 'mark-rowley:Sir Mark Rowley', 'metropolitan-police:MPS'],
    ],
    // "MPs" (members of parliament) is not the force's initials.
    ['MPs questioned the Metropolitan Police in London.', ['metropolitan-police:Metropolitan Police']],
    // The vigil's aliases name the inspection of its policing only where policing is the subject.
    [
      'The Metropolitan Police Service spoke. Clashes at Sarah Everard vigil in Clapham.',
      ['metropolitan-police:Metropolitan Police Service', 'sarah-everard:Sarah Everard'],
    ],
    [
      'The Metropolitan Police Service spoke. Police clashed with mourners at the Sarah Everard vigil.',
      ['metropolitan-police:Metropolitan Police Service', 'clapham-vigil-inspection:Sarah Everard vigil'],
    ],
    [
      'HM Inspectorate of Constabulary in Scotland and HM Inspectorate of Constabulary visited the Metropolitan Police Service.',
      ['hmicfrs:HM Inspectorate of Constabulary', 'metropolitan-police:Metropolitan Police Service'],
    ],
    [
      'Scotland Yard hosted Metropolitan Police Department Chief Pamela Smith and Sir Mark Rowley in London.',
      ['scotland-yard:Scotland Yard', 'mark-rowley:Sir Mark Rowley'],
    ],
    [
      'The Metropolitan Police changed after the kidnap and murder of Sarah Everard in London.',
      ['metropolitan-police:Metropolitan Police', 'murder-of-sarah-everard:murder of Sarah Everard'],
    ],
    [
      'The Metropolitan Police acted in London after Sarah Everard’s murder.',
      ['metropolitan-police:Metropolitan Police', 'murder-of-sarah-everard:Sarah Everard’s murder'],
    ],
    // A name that needs context counts next to the name of a related entry.
    [
      'The Metropolitan Police said only two of the killers, Gary Dobson and David Norris, were jailed.',
      ['metropolitan-police:Metropolitan Police', 'gary-dobson:Gary Dobson', 'david-norris:David Norris'],
    ],
    ['The Metropolitan Police in London said Gary Dobson scored twice.', ['metropolitan-police:Metropolitan Police']],
  ])('%j', (text, expected) => {
    expect(seen(text)).toEqual(expected);
  });
});

describe('statistics: a figure is tied only to the measure it counts', () => {
  const shipped = new PageMatcher(bundledIndex());
  const types = new Map(bundledIndex().entities.map((e) => [e.id, e.type]));
  /** The statistics tied on a page (the sentence plus a London signal), as "id:figure" with "!" when flagged. */
  const ties = (sentence: string) => {
    const text = `${sentence} The Metropolitan Police Service is London's force.`;
    return shipped
      .match(text)
      .mentions.filter((m) => types.get(m.entityId) === 'statistic')
      .map((m) => `${m.entityId}:${text.slice(m.start, m.end)}${m.stat?.differs ? '!' : ''}`);
  };

  it.each<[string, string, string[]]>([
    // The whole population: tied.
    ['whole', 'There were 109 homicides in London in 2024.', ['stat-london-homicides:109']],
    ['whole', 'The Met carried out 248,000 stop and searches in London.', ['stat-stop-searches-london:248,000']],
    // A part of it: another measure, not tied.
    ['part', 'There were 67 knife-related homicides in London in 2024.', []],
    ['part', 'London saw 30 knife-related homicides last year, the Met said.', []],
    // ... unless a measure counts that part itself.
    ['part measured', 'London saw 30 teenage homicides last year, the Met said.', ['stat-london-teenage-homicides:30']],
    ['part', 'The Met carried out 40,000 stop and searches of black people in London.', []],
    ['part', 'There were 20 homicides in Lambeth, south London, the Met said.', []],
    ['part', 'The Met said 800 female officers were under investigation.', []],
    // The measure's own words do not narrow it.
    ['own word', 'Police recorded 13,957 knife offences in London in the year to September 2023.', ['stat-knife-crime-london:13,957']],
    [
      'own word',
      'Sir Mark Rowley said some 800 officers were under investigation over 1,000 claims of sexual and domestic abuse.',
      ['stat-officers-reviewed-2023:800', 'stat-allegations-reviewed-2023:1,000'],
    ],
    // A sum of two workforces is neither.
    ['sum', 'The Met said 800 officers and staff were under investigation.', []],
    // A total over several years is not one year's count; tied only where a source gives it.
    ['span', 'More than 400 officers have been dismissed by the Met since 2020.', []],
    ['span', 'The Met dismissed 300 officers over the past five years.', []],
    ['span', 'Between 2018 and 2023 the Met dismissed 350 officers.', []],
    ['span', 'The Met has spent £53 million policing Gaza protests since October 2023.', ['stat-protest-policing-cost:£53 million']],
    ['one year', 'The Met dismissed 113 officers in 2023.', ['stat-officers-dismissed:113']],
    // Another stage of the process, or what ought to happen, is not the outcome.
    ['stage', 'The Met said 90 officers could be dismissed.', []],
    ['stage', 'The Met said 90 officers were referred for dismissal in 2023.', []],
    ['stage', 'The Met said 90 officers faced dismissal in 2023.', []],
    ['stage', 'The Met said 90% of 999 calls should be answered within ten seconds.', []],
    ['outcome', 'In May, 90 officers were dismissed by the Met.', ['stat-officers-dismissed:90']],
    // A relative clause on a counted noun narrows the whole list of counts in the sentence.
    [
      'part',
      'The Met recorded 52,820 thefts from the person where a phone was taken, and 14,326 robberies; for 2024, 70,249 thefts and 11,125 robberies.',
      [],
    ],
    ['part', 'There were 60 homicides in London in which a knife was used.', []],
    // Another set than the measure counts: a change, a later batch, what remains.
    ['another set', 'The Met said 800 more officers were under investigation.', []],
    ['another set', 'The Met said the remaining 300 officers under investigation were cleared.', []],
    ['another set', 'The Met said more than 800 officers were under investigation.', ['stat-officers-reviewed-2023:800']],
    // A change is not a level.
    ['change', 'The Met said 999 calls answered within 10 seconds improved by 9% in 2024.', []],
    ['change', 'The Met reported a 12% increase in 999 calls answered within 10 seconds.', []],
    ['change', 'Central government funding in the Met budget was cut by £1bn.', []],
    ['change', 'The Mayor raised the precept in his budget after more than £1 billion of real-terms cuts to the Met.', []],
    // A later report's half-year is not the calendar year the page names: tied, never flagged.
    ['later report', 'The Met said 80% of 999 calls were answered within 10 seconds in 2025.', ['stat-999-answered-10s:80%']],
    ['whole year', 'The Met said 70% of 999 calls were answered within 10 seconds in 2024.', ['stat-999-answered-10s:70%!']],
    // A funding line is tied to its own measure only.
    ['funding line', 'The Met budget is made up of £2.6bn from central government and £956m from council tax.', [
      'stat-met-central-government-funding:£2.6bn',
      'stat-met-local-tax-funding:£956m',
    ]],
    // A number written as a year counts only the noun right after it.
    ['year', 'The 2021 report said police officers’ membership was a source of mistrust in the investigations.', []],
    ['year', 'He was arrested in 2000, despite claims made to the investigation.', []],
    ['year', 'The Met said 2000 officers were under investigation.', ['stat-officers-reviewed-2023:2000']],
  ])('%s: %j', (_pattern, sentence, expected) => {
    expect(ties(sentence)).toEqual(expected);
  });
});

describe('key figures of a named entry', () => {
  const index = bundledIndex();
  /** The key-figure ties on a page (a London story), as "id:figure#n" with "!" when flagged. */
  const ties = (text: string, articleDate?: string) => {
    const page = `${text} The Metropolitan Police Service is London's force.`;
    return new PageMatcher(index)
      .match(page, { articleDate })
      .mentions.filter((m) => m.stat?.figure !== undefined)
      .map((m) => `${m.entityId}:${page.slice(m.start, m.end)}#${m.stat!.figure}${m.stat!.differs ? '!' : ''}`);
  };

  it('ties a figure to the named entry’s key figure when the words agree', () => {
    expect(ties('David Carrick pleaded guilty to 49 charges, including 24 counts of rape, against 12 women.')).toEqual([
      'david-carrick:49#0',
      'david-carrick:24#1',
      'david-carrick:12#2',
    ]);
    expect(ties('David Carrick was given 36 life sentences.')).toEqual(['david-carrick:36#3']);
  });

  it('reads the entry named in the sentence before, not further back', () => {
    expect(ties('David Carrick was jailed on Tuesday. He had admitted 49 charges.')).toEqual(['david-carrick:49#0']);
    expect(ties('David Carrick was jailed on Tuesday. The court rose. He had admitted 49 charges.')).toEqual([]);
    expect(ties('Another officer admitted 49 charges.')).toEqual([]);
  });

  it('says a figure differs only on a dated article written after the figure was sourced', () => {
    const text = 'David Carrick pleaded guilty to 48 charges.';
    expect(ties(text, '2024-03-01')).toEqual(['david-carrick:48#0!']);
    // Undated, or dated before the source: nothing is claimed, and the figure is not tied.
    expect(ties(text)).toEqual([]);
    expect(ties(text, '2022-12-13')).toEqual([]);
  });

  it('never calls two facts one fact got wrong', () => {
    // The key figure stands elsewhere in the sentence: the other number is another fact.
    expect(ties('David Carrick admitted 49 charges; one report wrongly said 48 charges.', '2024-03-01')).toEqual(['david-carrick:49#0']);
    // The page's number is another sourced figure of the same entry.
    expect(ties('David Carrick pleaded guilty to 36 charges.', '2024-03-01')).toEqual([]);
  });

  it('leaves a figure the page dates before the key figure alone', () => {
    expect(ties('In 2021, David Carrick faced 40 charges.', '2024-03-01')).toEqual([]);
    expect(ties('In 2024, David Carrick was serving 36 life sentences.', '2024-03-01')).toEqual(['david-carrick:36#3']);
  });

  it('leaves a later case’s other charges alone', () => {
    expect(ties('David Carrick was convicted of ten other charges at the Old Bailey.', '2025-10-01')).toEqual([]);
    expect(ties('David Carrick faces a further ten charges.', '2025-10-01')).toEqual([]);
  });
});
