import { describe, expect, it } from 'vitest';
import { SeenWords, WordStore, findWords, patternIds, sentenceRange, tokenize as tokenizeWith, type Tokens } from '../../utils/match/tokens';
import { BLOCK_BREAK } from '../../utils/match/types';
import { WordAutomaton } from '../../utils/match/word-automaton';
import { Vocabulary } from '../../utils/match/vocabulary';

const vocabulary = new Vocabulary();
/** The word at index k, lower-cased. */
const wordText = (t: Tokens, k: number) => t.text.slice(t.starts[k], t.ends[k]).toLowerCase();
const tokenize = (text: string) => tokenizeWith(text, vocabulary);
const wordsOf = (t: Tokens) => Array.from({ length: t.count }, (_, k) => wordText(t, k).replace(/[\u00AD\u200B-\u200D\u2060]/g, ''));

function joined(text: string): string[] {
  // Words grouped into the runs a name may span.
  const t = tokenize(text);
  const runs: string[][] = [[]];
  for (let k = 0; k < t.count; k++) {
    runs[runs.length - 1]!.push(wordsOf(t)[k]!);
    if (k < t.count - 1 && !t.joinable[k]) runs.push([]);
  }
  return runs.map((r) => r.join(' '));
}

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['Sir\u00A0Mark Rowley', ['sir mark rowley']],
    ['Sir Mark\nRowley', ['sir mark rowley']],
    ['Sir\u2009Mark\u202FRowley', ['sir mark rowley']],
    ['Rowley\u2019s plan', ['rowley s plan']],
    ['Hogan\u2013Howe and Hogan-Howe', ['hogan howe and hogan howe']],
    ['Row\u00ADley', ['rowley']],
    ['Mark. Rowley', ['mark', 'rowley']],
    ['Mark, Rowley', ['mark', 'rowley']],
    [`Sir Mark${BLOCK_BREAK}Rowley`, ['sir mark', 'rowley']],
    ['\u201CEngage\u201D process', ['engage', 'process']],
    ['Fire & Rescue', ['fire rescue']],
  ])('%j runs as %j', (text, expected) => {
    expect(joined(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = '  The\u00A0MET\u2019s  plan';
    const t = tokenize(text);
    expect([...t.starts].map((s, k) => text.slice(s, t.ends[k]))).toEqual(['The', 'MET', 's', 'plan']);
    expect(wordsOf(t)).toEqual(['the', 'met', 's', 'plan']);
  });

  it('ends sentences at full stops, not at decimal points or before lower-case words', () => {
    const text = 'Around 86.2 per cent of 999 calls are answered. In January, it reached 90.9 per cent. Officers. who';
    const t = tokenize(text);
    const words = wordsOf(t);
    const sentenceOf = (word: string) => t.sentence[words.indexOf(word)];
    expect(sentenceOf('around')).toBe(sentenceOf('answered'));
    expect(sentenceOf('january')).toBe(sentenceOf('answered')! + 1);
    expect(sentenceOf('who')).toBe(sentenceOf('officers'));
    const range = sentenceRange(t, words.indexOf('86'));
    expect(words.slice(range.first, range.last + 1).join(' ')).toBe('around 86 2 per cent of 999 calls are answered');
  });

  it('finds phrases word by word', () => {
    const phrase = patternIds(vocabulary, '999 calls');
    const t = tokenize('The 999 calls, and 999\u00A0calls again');
    expect(findWords(t, phrase, 0, t.count - 1)).toEqual([1, 4]);
  });

  it('reads a long text in full', () => {
    const long = 'Sir Mark Rowley spoke. '.repeat(20_000);
    const t = tokenize(long);
    expect(t.count).toBe(80_000);
    expect(long.slice(t.starts[t.count - 1], t.ends[t.count - 1])).toBe('spoke');
    expect(t.joinable[t.count - 1]).toBe(0);
    expect(t.sentence[t.count - 1]).toBe(19_999);
  });

  it('reads slices into one store that grows, leaving earlier slices intact', () => {
    const text = 'Sir Mark Rowley spoke. A b c d e f g h.\u2029The Met said so.';
    const cut = text.indexOf('A b');
    const store = new WordStore(2);
    const seen = new SeenWords(vocabulary.size);
    const first = tokenizeWith(text, vocabulary, 0, cut, seen, store);
    const second = tokenizeWith(text, vocabulary, cut, text.length, seen, store);
    expect(store.count).toBe(first.count + second.count);
    // Each slice reads as it would on its own, though the store grew under the first.
    for (const [slice, from, to] of [[first, 0, cut], [second, cut, text.length]] as const) {
      const alone = tokenizeWith(text, vocabulary, from, to);
      expect(wordsOf(slice)).toEqual(wordsOf(alone));
      expect([...slice.starts, ...slice.ids, ...slice.joinable, ...slice.sentence, ...slice.block]).toEqual([
        ...alone.starts, ...alone.ids, ...alone.joinable, ...alone.sentence, ...alone.block,
      ]);
    }
    expect(wordsOf(first)).toEqual(['sir', 'mark', 'rowley', 'spoke']);
    expect(second.joinable[second.count - 1]).toBe(0);
  });

  it('identifies words by vocabulary id, whatever their case or invisible characters', () => {
    const v = new Vocabulary();
    const rowley = v.add('rowley');
    const t = tokenizeWith('ROWLEY Row\u00ADley rowleys', v);
    expect([...t.ids]).toEqual([rowley, rowley, -1]);
  });

  it('lists each KB word a page holds once, in the order first read, across slices', () => {
    const v = new Vocabulary();
    const [met, rowley, casey] = ['met', 'rowley', 'casey'].map((w) => v.add(w));
    const text = 'Rowley and the Met. The MET, Rowley.\u2029Casey and Rowley.';
    const seen = new SeenWords(v.size);
    const store = new WordStore(4);
    const cut = text.indexOf('Casey');
    tokenizeWith(text, v, 0, cut, seen, store);
    expect(seen.ids).toEqual([rowley, met]);
    tokenizeWith(text, v, cut, text.length, seen, store);
    expect(seen.ids).toEqual([rowley, met, casey]);
    expect([met, rowley, casey].every((id) => seen.has(id!))).toBe(true);
  });
});

describe('WordAutomaton', () => {
  const words = (s: string) => patternIds(vocabulary, s);
  const automatonOf = (patterns: number[][]) => new WordAutomaton(patterns, vocabulary.size);

  it('finds every alias, overlapping ones included, in one pass', () => {
    const automaton = automatonOf([words('Mark Rowley'), words('Rowley'), words('Sir Mark Rowley'), words('Met Police')]);
    const t = tokenize('Sir Mark Rowley of the Met Police');
    const hits = automaton.search(t.ids, t.joinable).map((h) => `${h.pattern}:${h.first}-${h.last}`);
    expect(hits.sort()).toEqual(['0:1-2', '1:2-2', '2:0-2', '3:5-6'].sort());
  });

  it('does not run a name across a comma, a full stop or a block', () => {
    const automaton = automatonOf([words('Mark Rowley')]);
    for (const text of ['Mark, Rowley', 'Mark. Rowley', `Mark${BLOCK_BREAK}Rowley`]) {
      const t = tokenize(text);
      expect(automaton.search(t.ids, t.joinable)).toEqual([]);
    }
  });

  it('follows failure links into shorter aliases', () => {
    const automaton = automatonOf([words('a b c d'), words('b c')]);
    const t = tokenize('a b c x');
    expect(automaton.search(t.ids, t.joinable)).toEqual([{ pattern: 1, first: 1, last: 2 }]);
  });
});
