import { describe, expect, it } from 'vitest';
import { PageMatcher } from '../../utils/match/page-matcher';
import { buildMatchIndex } from '../../utils/kb/match-index';
import type { Entity } from '../../utils/kb/schema';
import { genderOf, surnameOf } from '../../utils/match/titles';
import { bundledIndex } from '../helpers/kb';

const source = { publisher: 'Test', title: 'Test source', date: '2024-01-01' };
const person = (id: string, name: string, summary: string, aliases: Entity['aliases'] = [{ text: name }]): Entity => ({
  id,
  type: 'person',
  name,
  aliases,
  summary,
  sources: [source],
  checked: '2026-11-25',
});

const matcher = new PageMatcher(
  buildMatchIndex('test', [
    { ...person('met', 'Metropolitan Police Service', 'The force.', [{ text: 'Metropolitan Police' }]), type: 'organisation' },
    person('carrick', 'David Carrick', 'Former officer. He pleaded guilty.', [{ text: 'David Carrick' }, { text: 'Carrick', afterFullName: true }]),
    person('stephen', 'Stephen Lawrence', 'Teenager murdered in 1993. He was 18.'),
    person('neville', 'Neville Lawrence', 'His father. He campaigned for an inquiry.'),
    person('doreen', 'Baroness Doreen Lawrence', 'His mother; she campaigned.', [{ text: 'Doreen Lawrence' }, { text: 'Mrs Lawrence' }]),
    person('smith', 'Jane Smith', 'An officer named in a report.'),
    person('stevens', 'Lord Stevens of Kirkwhelpington (Sir John Stevens)', 'Former Commissioner.', [{ text: 'Sir John Stevens' }, { text: 'John Stevens' }]),
    person('hogan-howe', 'Sir Bernard Hogan-Howe', 'Former Commissioner.', [{ text: 'Bernard Hogan-Howe' }]),
  ]),
);

const TAIL = ' The Metropolitan Police said so in London.';
function found(text: string): string[] {
  const page = text + TAIL;
  return matcher
    .match(page)
    .mentions.filter((m) => m.entityId !== 'met')
    .map((m) => `${m.entityId}:${page.slice(m.start, m.end)}`);
}

describe('title and surname after the full name', () => {
  it.each<[string, string, string[]]>([
    ['a courtesy title', 'David Carrick admitted the offences. Mr Carrick was sentenced.', ['carrick:David Carrick', 'carrick:Mr Carrick']],
    ['a rank', 'David Carrick joined in 2001. Later PC Carrick moved units.', ['carrick:David Carrick', 'carrick:PC Carrick']],
    ['the longest title', 'Jane Smith led it. Detective Chief Inspector Smith said more.', ['smith:Jane Smith', 'smith:Detective Chief Inspector Smith']],
    ['a judicial title', 'Jane Smith sat. Judge Smith ruled.', ['smith:Jane Smith', 'smith:Judge Smith']],
    ['not before the full name', 'Mr Carrick spoke. David Carrick was there.', ['carrick:David Carrick']],
    ['not a title the person cannot bear', 'David Carrick spoke. Mrs Carrick was not there.', ['carrick:David Carrick']],
    ['no gendered title when the KB does not say', 'Jane Smith spoke. Ms Smith and Mr Smith were thanked.', ['smith:Jane Smith']],
    ['written as a title and a name', 'Jane Smith spoke. The commander smith and Commander smithers of another story.', ['smith:Jane Smith']],
    ['not across a sentence end', 'Jane Smith spoke to the Commander. Smith left.', ['smith:Jane Smith']],
    ['one of several with that surname is ambiguous', 'Stephen Lawrence and Neville Lawrence were named. Mr Lawrence spoke.', [
      'stephen:Stephen Lawrence', 'neville:Neville Lawrence',
    ]],
    ['the one named in full', 'Stephen Lawrence was 18. Mr Lawrence had hoped to be an architect.', ['stephen:Stephen Lawrence', 'stephen:Mr Lawrence']],
    ['a KB alias of the same words wins', 'Stephen Lawrence was 18. Mrs Lawrence spoke.', ['stephen:Stephen Lawrence', 'doreen:Mrs Lawrence']],
    ['a peer named by the surname of the name', 'John Stevens led the force. Lord Stevens later wrote.', ['stevens:John Stevens', 'stevens:Lord Stevens']],
    ['a hyphenated surname', 'Bernard Hogan-Howe spoke. Sir Bernard was thanked; Mr Hogan-Howe left.', [
      'hogan-howe:Bernard Hogan-Howe', 'hogan-howe:Mr Hogan-Howe',
    ]],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('works on the shipped KB: a Met officer named again by rank', () => {
    const shipped = new PageMatcher(bundledIndex());
    const text = 'Sir Mark Rowley spoke in London for the Metropolitan Police. Later Commissioner Rowley and Mr Rowley were quoted.';
    const ids = shipped.match(text).mentions.map((m) => text.slice(m.start, m.end));
    expect(ids).toEqual(['Sir Mark Rowley', 'Metropolitan Police', 'Commissioner Rowley', 'Mr Rowley']);
  });
});

describe('what a title rule reads from the KB', () => {
  it.each<[string, string[] | null]>([
    ['Sir Mark Rowley', ['Rowley']],
    ['Lord Stevens of Kirkwhelpington (Sir John Stevens)', ['Stevens']],
    ['Sir William Macpherson of Cluny', ['Macpherson']],
    ['Bernard Hogan-Howe', ['Hogan', 'Howe']],
    ['Martin Luther King Jr', ['King']],
    ['Madonna', null],
  ])('surname of %s', (name, surname) => expect(surnameOf(name)).toEqual(surname));

  it.each<[string[], string, string | undefined]>([
    [['Sir Mark Rowley'], 'Commissioner since 2022.', 'male'],
    [['Dame Lynne Owens'], 'Deputy Commissioner.', 'female'],
    [['David Carrick'], 'Former officer. He pleaded guilty to offences against 12 women, and her case…', 'male'],
    [['Sarah Everard'], 'She was 33. Her murder led to an inquiry.', 'female'],
    [['Jane Smith'], 'An officer named in a report.', undefined],
    [['Alex Doe'], 'He said one thing. She said another.', undefined],
  ])('gender of %s', (names, summary, gender) => expect(genderOf(names, summary)).toBe(gender));
});
