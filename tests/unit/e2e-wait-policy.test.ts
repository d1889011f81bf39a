/**
 * The end-to-end tests' wait policy, checked on their source: every wait is for a condition and
 * uses the harness's named timeout (tests/e2e/wait.ts). A bare `expect.poll` waits 1 s and a
 * fixed sleep guesses how busy the machine is: both fail at random on a loaded machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve('tests/e2e');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, text: readFileSync(path.join(DIR, f), 'utf8') }));

/** The argument text of every `poll(` call in a source, brackets balanced. */
function pollArguments(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\bpoll\(/g)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; depth > 0 && i < text.length; i++) {
      if ('([{'.includes(text[i]!)) depth++;
      else if (')]}'.includes(text[i]!)) depth--;
    }
    found.push(text.slice(start, i - 1));
  }
  return found;
}

describe('the end-to-end wait policy', () => {
  it('reads the end-to-end sources', () => {
    expect(files.map((f) => f.name)).toContain('harness.ts');
    expect(pollArguments('expect.poll(() => f(a, b), POLL).toBe(1)')).toEqual(['() => f(a, b), POLL']);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s: every poll passes POLL', (_, text) => {
    expect(pollArguments(text).filter((args) => !/\bPOLL\b/.test(args))).toEqual([]);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s: no fixed sleep and no timeout of its own', (_, text) => {
    expect(text.match(/waitForTimeout\(|timeout:\s*\d[\d_]*/g) ?? []).toEqual([]);
  });
});
