import { describe, expect, it } from 'vitest';
import { normalizeText, sentenceAt } from '../../utils/match/normalize';
import { AhoCorasick } from '../../utils/match/aho-corasick';

describe('normalizeText', () => {
  it.each([
    ['Sir\u00A0Mark Rowley', 'Sir Mark Rowley'],
    ['Sir Mark\nRowley', 'Sir Mark Rowley'],
    ['end.\u2029 Next block', 'end.\u2029Next block'],
    ['Rowley\u2019s plan', "Rowley's plan"],
    ['\u201CEngage\u201D', '"Engage"'],
    ['two\u2013year plan', 'two-year plan'],
    ['Row\u00ADley', 'Rowley'],
    ['  Sir   Mark \t Rowley ', 'Sir Mark Rowley'],
    ['thin\u2009space', 'thin space'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeText(input).cased).toBe(expected);
  });

  it('lower-cases for search and maps each folded character back to the original text', () => {
    const input = '  The\u00A0MET\u2019s  plan';
    const folded = normalizeText(input);
    expect(folded.lower).toBe("the met's plan");
    for (let i = 0; i < folded.cased.length; i++) {
      const original = input[folded.map[i]!]!;
      if (folded.cased[i] === ' ') expect(original).toMatch(/\s/);
      else expect(original.toLowerCase()).toBe(folded.lower[i] === "'" ? '\u2019' : folded.lower[i]);
    }
  });
});

describe('sentenceAt', () => {
  it('does not end a sentence at a decimal point', () => {
    const text = 'Around 86.2 per cent of 999 calls are answered. In January, it reached 90.9 per cent.';
    const s = sentenceAt(text, text.indexOf('86.2'));
    expect(text.slice(s.start, s.end)).toBe('Around 86.2 per cent of 999 calls are answered.');
    const t = sentenceAt(text, text.indexOf('90.9'));
    expect(text.slice(t.start, t.end)).toBe('In January, it reached 90.9 per cent.');
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const hits = ac.search('ushers').map((h) => `${h.pattern}@${h.start}-${h.end}`);
    expect(hits.sort()).toEqual(['0@2-4', '1@1-4', '3@2-6'].sort());
  });

  it('finds patterns that share prefixes and suffixes', () => {
    const ac = new AhoCorasick(['mark rowley', 'rowley', 'sir mark rowley']);
    const hits = ac.search('sir mark rowley said');
    expect(hits.map((h) => h.pattern).sort()).toEqual([0, 1, 2]);
  });
});
