import { describe, expect, it } from 'vitest';
import { overlappingOffices, staleFutureTense, unendedRoles } from '../../utils/kb/consistency';
import type { Entity, Role } from '../../utils/kb/schema';

const person = (id: string, roles: Role[], summary = 'A person named in the story of the force.'): Entity => ({
  id,
  type: 'person',
  name: id,
  aliases: [{ text: id }],
  summary,
  roles,
  sources: [{ publisher: 'Test', title: 'Test source', date: '2024-01-01' }],
  checked: '2026-12-03',
});

describe('single-holder offices', () => {
  it('finds two Home Secretaries at once: one never given an end', () => {
    const kb = [
      person('earlier', [{ title: 'Home Secretary', start: '1997-05', }]),
      person('later', [{ title: 'Home Secretary', start: '2024-07-05', end: '2025-09' }]),
    ];
    expect(overlappingOffices(kb)).toEqual(['Home Secretary: earlier (1997-05–no end) overlaps later (2024-07-05–2025-09)']);
  });

  it('counts an acting holder as holding the office', () => {
    const kb = [
      person('acting', [{ title: 'Acting Deputy Commissioner of the Metropolitan Police', start: '2022-04-10', end: '2022-10-31' }]),
      person('interim', [{ title: 'Deputy Commissioner of the Metropolitan Police', start: '2022-09-12', end: '2025-05' }]),
    ];
    expect(overlappingOffices(kb)).toHaveLength(1);
  });

  it('lets a successor start in the month or year its predecessor left, as the sources date them', () => {
    const kb = [
      person('first', [{ title: 'Mayor of London', start: '2008-05', end: '2016' }]),
      person('second', [{ title: 'Mayor of London', start: '2016' }]),
      person('third', [{ title: 'Commissioner of the Metropolitan Police', start: '2000-02', end: '2005-01-31' }]),
      person('fourth', [{ title: 'Commissioner of the Metropolitan Police', start: '2005', end: '2008-12-01' }]),
    ];
    expect(overlappingOffices(kb)).toEqual([]);
  });

  it('lets one person hold the office twice, and leaves undated roles and other offices alone', () => {
    const kb = [
      person('twice', [{ title: 'Home Secretary', start: '2022-09-06', end: '2022-10-19' }, { title: 'Home Secretary', start: '2022-10-25', end: '2023-11-13' }]),
      person('undated', [{ title: 'Home Secretary' }]),
      person('minister', [{ title: 'Policing Minister', start: '2023-01' }]),
      person('another', [{ title: 'Policing Minister', start: '2024-01' }]),
    ];
    expect(overlappingOffices(kb)).toEqual([]);
  });
});

describe('roles that end when their holder moves on', () => {
  it('asks for the end of a role followed by a later one', () => {
    const kb = [person('mover', [{ title: 'Police and Crime Commissioner', start: '2012' }, { title: 'Victims’ Commissioner', start: '2019-06' }])];
    expect(unendedRoles(kb)).toEqual(['mover: “Police and Crime Commissioner” has no end, but “Victims’ Commissioner” began 2019-06']);
  });

  it('accepts a role held alongside the later one, or one given its end', () => {
    const kb = [
      person('mp', [{ title: 'MP', start: '2000', alongside: true }, { title: 'Foreign Secretary', start: '2024-07-05' }]),
      person('ended', [{ title: 'Assistant Commissioner', start: '2009-06', end: '2015-01-19' }, { title: 'Commissioner', start: '2017-04-10' }]),
    ];
    expect(unendedRoles(kb)).toEqual([]);
  });
});

describe('future tense in summaries', () => {
  it('flags a sentence looking forward to a date the entry was checked after', () => {
    const kb = [person('named', [], 'In September 2025 she was named to a national post due to start in January 2026.')];
    expect(staleFutureTense(kb)).toHaveLength(1);
  });

  it('accepts it while the date is still ahead, and past tense at any time', () => {
    const kb = [
      person('ahead', [], 'She is due to start in January 2027.'),
      person('past', [], 'She took up the national post in January 2026.'),
    ];
    expect(staleFutureTense(kb)).toEqual([]);
  });
});
