import { describe, expect, it } from 'vitest';
import { lazyCodeLoader, provideLazyCode, type LazyCodeName } from '../../utils/page/lazy-code';
import { cardView } from '../../utils/card/view';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex } from '../helpers/kb';

/** What the background does on `loadCode`: runs the file, which hands its code over. */
const runFile = (name: LazyCodeName) => {
  if (name === 'card') provideLazyCode('card', cardView);
  else provideLazyCode('matcher', { create: (index) => new PageMatcher(index) });
};

describe('code loaded when first needed', () => {
  it('asks the background once per file and hands the same code to every caller', async () => {
    const asked: string[] = [];
    const load = lazyCodeLoader(async (name) => {
      asked.push(name);
      runFile(name);
    });
    const [a, b] = await Promise.all([load('card'), load('card')]);
    expect(a).toBe(cardView);
    expect(b).toBe(a);
    const matcher = (await load('matcher')).create(bundledIndex());
    expect(matcher.match('Sir Mark Rowley spoke for the Metropolitan Police in London.').mentions.map((m) => m.entityId)).toContain('mark-rowley');
    await load('card');
    expect(asked).toEqual(['card', 'matcher']);
  });

  it('asks again after a failure (the background gone for a moment)', async () => {
    let attempts = 0;
    const load = lazyCodeLoader(async (name) => {
      if (++attempts === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      runFile(name);
    });
    await expect(load('card')).rejects.toThrow(/Receiving end does not exist/);
    await expect(load('card')).resolves.toBe(cardView);
    expect(attempts).toBe(2);
  });

  it('says so when the file ran but gave nothing', async () => {
    const load = lazyCodeLoader(async () => undefined);
    await expect(load('matcher')).rejects.toThrow("The matcher's code ran but did not register itself.");
  });

  it('hands the code to the content script that started last (one left behind by an update gets none)', async () => {
    const old = lazyCodeLoader(async () => undefined);
    const current = lazyCodeLoader(async (name) => runFile(name));
    await expect(current('card')).resolves.toBe(cardView);
    await expect(old('card')).rejects.toThrow(/did not register/);
  });
});
