// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Options, type OptionsProps } from '../../components/Options';
import { buildCardModel } from '../../utils/card/model';
import { loadBundledKb } from '../helpers/kb';
import { NEWS_SITES } from '../../utils/sites';

const kb = loadBundledKb();
const rowley = kb.entities.find((e) => e.id === 'mark-rowley')!;

function show(over: Partial<OptionsProps> = {}) {
  const calls: string[] = [];
  const log = (name: string) => (...args: unknown[]) => void calls.push(`${name}:${args.map((a) => (a instanceof File ? a.name : String(a))).join(',')}`);
  const props: OptionsProps = {
    cardCss: '',
    sites: { all: true, everySite: false, disabled: ['bbc.co.uk'], added: ['unlisted.example'], listed: NEWS_SITES },
    highlight: { hiddenTypes: ['person'], style: 'tint' },
    keyboard: { tabStops: true, shortcut: 'Alt+Shift+J' },
    overview: {
      status: { storage: 'indexeddb', kbVersion: kb.version, entityCount: kb.entities.length },
      counts: { person: 2 },
      entries: [{ id: rowley.id, type: 'person', name: rowley.name, own: false, noted: true }],
    },
    selected: { model: buildCardModel(rowley, []), note: 'Mine.', own: false },
    onToggleAll: log('all'),
    onToggleEverySite: log('every'),
    onEnableSite: log('enable'),
    onRemoveAddedSite: log('remove'),
    onToggleType: log('type'),
    onStyle: log('style'),
    onTabStops: log('tabStops'),
    onSelect: log('select'),
    onSaveNote: log('note'),
    onAddEntry: log('entry'),
    onDeleteEntry: log('delete'),
    onExport: log('export'),
    onImport: log('import'),
    onRemoveCorrection: log('uncorrect'),
    onExportCorrections: log('exportCorrections'),
    ...over,
  };
  const root = document.createElement('div');
  document.body.append(root);
  // act() runs the effects too (the card preview fills its shadow root in one).
  act(() => render(<Options {...props} />, root));
  return { root, calls };
}

const button = (root: Element, name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

describe('the options view', () => {
  it('shows the settings as chosen and reports each change', () => {
    const { root, calls } = show();
    const people = root.querySelector<HTMLInputElement>('input[name="type"][value="person"]')!;
    expect(people.checked).toBe(false);
    expect(root.querySelector<HTMLInputElement>('input[name="style"][value="tint"]')!.checked).toBe(true);
    people.click();
    button(root, 'Remove unlisted.example and give back its access').click();
    button(root, 'Switch bbc.co.uk back on').click();
    const every = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) =>
      i.closest('label')!.textContent!.startsWith('Run on every site'),
    )!;
    expect(every.checked).toBe(false);
    every.click();
    expect(calls).toEqual(['type:person,true', 'remove:unlisted.example', 'enable:bbc.co.uk', 'every:true']);
  });

  it.each<[string, OptionsProps['keyboard'], boolean, string]>([
    ['the key the browser has', { tabStops: true, shortcut: 'Alt+Shift+J' }, true, 'open its card: Alt+Shift+J Change it'],
    ['that no key is set', { tabStops: false, shortcut: '' }, false, 'open its card: no key is set'],
    ['the default before the browser has answered', { tabStops: true }, true, 'open its card: Alt+Shift+J unless you changed it.'],
  ])('offers the tab-stop switch and names the shortcut, saying %s', (_, keyboard, checked, text) => {
    const { root, calls } = show({ keyboard });
    const toggle = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find(
      (i) => i.closest('label')!.textContent === 'Mentions are tab stops',
    )!;
    expect(toggle.checked).toBe(checked);
    const shortcut = root.querySelector('[data-testid="shortcut"]')!.textContent!;
    expect(shortcut).toContain(text);
    expect(shortcut).toContain('chrome://extensions/shortcuts');
    expect(shortcut).toContain('Manage Extension Shortcuts');
    toggle.click();
    expect(calls).toEqual([`tabStops:${!checked}`]);
  });

  it('labels every field of the entry form', () => {
    const { root } = show();
    for (const field of root.querySelectorAll('.entry-form input, .entry-form textarea, .entry-form select')) {
      expect(root.querySelector(`label[for="${field.id}"]`), field.id).not.toBeNull();
    }
  });

  it('shows the selected entry’s card with the reader’s note, and the KB version', () => {
    const { root } = show();
    expect(root.querySelector('[data-testid="kb-version"]')!.textContent).toContain(`Version ${kb.version}`);
    expect(root.querySelector<HTMLTextAreaElement>('#note-text')!.value).toBe('Mine.');
    expect(root.querySelector('[data-testid="card-preview"]')!.shadowRoot!.querySelector('h2')!.textContent).toBe(rowley.name);
  });

  it('says an import failed as an alert', () => {
    const { root } = show({ message: { area: 'transfer', kind: 'error', text: 'The file is not valid JSON. Nothing was changed.' } });
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('The file is not valid JSON. Nothing was changed.');
  });
});
