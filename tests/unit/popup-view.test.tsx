// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Popup, BROWSER_PAGE_TEXT, type PopupProps } from '../../components/Popup';
import { Card } from '../../components/Card';
import { buildCardModel } from '../../utils/card/model';
import { buildTimeline } from '../../utils/popup/timeline';
import { filterMentionTypes } from '../../utils/page/type-filter';
import { PageMatcher } from '../../utils/match/page-matcher';
import { bundledIndex, loadBundledKb } from '../helpers/kb';
import { SEED_SUMMARY } from '../helpers/summary';

const kb = loadBundledKb();
const byId = (id: string) => kb.entities.find((e) => e.id === id)!;

const summary = SEED_SUMMARY;

function show(over: Partial<PopupProps>) {
  const calls: string[] = [];
  const props: PopupProps = {
    state: { kind: 'ready', summary, added: false },
    switches: { site: true, all: true, everySite: false },
    onToggleSite: (on) => calls.push(`site:${on}`),
    onToggleAll: (on) => calls.push(`all:${on}`),
    onAddSite: (site) => calls.push(`add:${site}`),
    onToggleEverySite: (on) => calls.push(`every:${on}`),
    onReveal: (id) => calls.push(`reveal:${id}`),
    onOpenOptions: () => calls.push('options'),
    ...over,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Popup {...props} />, root);
  return { root, calls };
}

describe('the popup view', () => {
  it('lists counts, the timeline and entities; a click asks to reveal', () => {
    const timeline = buildTimeline([byId('mark-rowley')], summary.articleDate);
    const { root, calls } = show({ timeline });
    expect([...root.querySelectorAll('.counts li')].map((li) => li.textContent)).toEqual(['1 Statistics', '1 People']);
    expect(root.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toMatch(/this article is dated 6 March 2025/);
    expect(root.querySelector('.timeline-list li.article')!.textContent).toBe('6 March 2025 — this article');
    const first = root.querySelector<HTMLButtonElement>('.entity')!;
    expect(first.textContent).toContain('figure differs');
    first.click();
    expect(calls).toEqual(['reveal:stat-999-answered-10s']);
  });

  it.each([
    ['a browser page', { state: { kind: 'browser-page' } }, BROWSER_PAGE_TEXT],
    ['every site off', { switches: { site: true, all: false } }, 'Met Context is off on every site.'],
    ['this site off', { switches: { site: false, all: true } }, 'Annotation is off for standard.co.uk.'],
    ['a site outside the list', { state: { kind: 'not-added', site: 'unlisted.example' } }, 'Met Context does not run on unlisted.example.'],
  ] as const)('says why there is nothing to show: %s', (_, over, text) => {
    const { root } = show(over as Partial<PopupProps>);
    expect(root.querySelector('[data-testid="state"]')!.textContent).toContain(text);
    expect(root.querySelector('.counts')).toBeNull();
  });

  it('offers to turn on a site outside the list, and shows the memory notice', () => {
    const { root, calls } = show({
      state: { kind: 'not-added', site: 'unlisted.example' },
      kb: { storage: 'memory', kbVersion: 'v', entityCount: 1, problem: 'IndexedDB could not be used.' },
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('IndexedDB could not be used.');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn on for unlisted.example')!.click();
    expect(calls).toEqual(['add:unlisted.example']);
  });
});

describe('the reader’s note in the card', () => {
  it('is shown as text under its own heading', () => {
    const root = document.createElement('div');
    const note = 'Mine: <b>not markup</b>';
    render(<Card model={buildCardModel(byId('mark-rowley'), [], { note })} titleId="t" />, root);
    expect(root.querySelector('.note h3')!.textContent).toBe('Your note');
    expect(root.querySelector('.note p')!.textContent).toBe(note);
    expect(root.querySelector('.note b')).toBeNull();
  });
});

describe('hiding types', () => {
  const text =
    'Scotland Yard chief Sir Mark Rowley said the Metropolitan Police in London would act on the Casey review. Sir Mark said the Met had changed.';

  it('drops the hidden types’ mentions and keeps the relevance judgement of the whole page', () => {
    const full = new PageMatcher(bundledIndex()).match(text);
    expect(full.mentions.some((m) => m.type === 'person')).toBe(true);
    const filtered = filterMentionTypes(full, new Set(['organisation']));
    expect(filtered.mentions.length).toBeGreaterThan(0);
    expect(filtered.mentions.every((m) => m.type === 'organisation')).toBe(true);
    expect(filtered.relevance).toEqual(full.relevance);
    expect(filterMentionTypes(full, new Set()).mentions).toEqual([]);
  });
});
