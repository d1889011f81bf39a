// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '../../components/Card';
import { CorrectionNotice } from '../../components/CardCorrections';
import { Corrections } from '../../components/OptionsCorrections';
import { Popup, type PopupProps } from '../../components/Popup';
import { buildCardModel } from '../../utils/card/model';
import { loadBundledKb } from '../helpers/kb';
import type { StoredCorrection } from '../../utils/corrections/correction';

const rowley = loadBundledKb().entities.find((e) => e.id === 'mark-rowley')!;
const mount = (node: preact.ComponentChild) => {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
};
const HOSTILE = '<img src=x onerror=alert(1)>Rowley';

describe('the card’s "Wrong highlight?"', () => {
  it('offers the three corrections in words, the text as text, and reports the choice', () => {
    const chosen: string[] = [];
    const root = mount(
      <Card model={buildCardModel(rowley, [])} titleId="t" corrections={{ text: HOSTILE, site: 'standard.co.uk' }} onCorrect={(k) => chosen.push(k)} />,
    );
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.corrections button')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Not this one',
      `Never highlight “${HOSTILE}” on standard.co.uk`,
      `Never highlight “${HOSTILE}” as Sir Mark Rowley`,
    ]);
    expect(root.querySelector('img')).toBeNull();
    buttons.forEach((b) => b.click());
    expect(chosen).toEqual(['page', 'site', 'entry']);
  });

  it('offers nothing on a card that is not a mention’s own (a related entry’s)', () => {
    const root = mount(<Card model={buildCardModel(rowley, [])} titleId="t" />);
    expect(root.querySelector('.corrections')).toBeNull();
  });

  it('shows the status with Undo while it applies, and Dismiss', () => {
    const calls: string[] = [];
    const root = mount(
      <CorrectionNotice notice={{ text: 'Hidden: “Rowley” here.', undoId: 'id-1' }} theme="dark" onUndo={(id) => calls.push(`undo:${id}`)} onDismiss={() => calls.push('dismiss')} />,
    );
    expect(root.querySelector('.correction-notice')!.getAttribute('data-theme')).toBe('dark');
    root.querySelector<HTMLButtonElement>('.undo')!.click();
    root.querySelector<HTMLButtonElement>('.dismiss')!.click();
    expect(calls).toEqual(['undo:id-1', 'dismiss']);
    const done = mount(<CorrectionNotice notice={{ text: 'Undone.' }} theme="light" />);
    expect(done.querySelector('.undo')).toBeNull();
  });
});

describe('the options page’s corrections', () => {
  const corrections: StoredCorrection[] = [
    { id: 'a', kind: 'entry', entityId: 'mark-rowley', entityName: 'Sir Mark Rowley', text: HOSTILE, site: 'bbc.co.uk', created: '2026-12-05T10:00:00.000Z' },
    { id: 'b', kind: 'site', entityId: 'mark-rowley', text: 'Rowley', site: 'standard.co.uk', created: '2026-12-04T10:00:00.000Z' },
  ];

  it('lists each correction in words with its removal, and exports them', () => {
    const calls: string[] = [];
    const root = mount(<Corrections corrections={corrections} onRemoveCorrection={(id) => calls.push(`remove:${id}`)} onExportCorrections={() => calls.push('export')} />);
    expect([...root.querySelectorAll('.corrections-list .what')].map((el) => el.textContent)).toEqual([
      `Never “${HOSTILE}” as Sir Mark Rowley, on any site`,
      'Never “Rowley” on standard.co.uk',
    ]);
    expect(root.querySelector('img')).toBeNull();
    root.querySelector<HTMLButtonElement>('button[aria-label^="Remove: Never “Rowley”"]')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Export corrections for the maintainers')!.click();
    expect(calls).toEqual(['remove:b', 'export']);
  });

  it('says when there are none, and offers no empty export', () => {
    const root = mount(<Corrections corrections={[]} onRemoveCorrection={() => undefined} onExportCorrections={() => undefined} />);
    expect(root.querySelector('[data-testid="no-corrections"]')!.textContent).toBe('You have made no corrections.');
    expect([...root.querySelectorAll<HTMLButtonElement>('button')].at(-1)!.disabled).toBe(true);
  });
});

describe('the popup', () => {
  it('says how many highlights the corrections hid on the page', () => {
    const props: PopupProps = {
      state: {
        kind: 'ready',
        added: false,
        summary: { site: 'standard.co.uk', enabled: true, settled: true, relevant: true, reason: 'x', counts: { person: 1 }, entities: [{ id: 'mark-rowley', type: 'person', name: 'Sir Mark Rowley', mentions: 1, differs: false }], hidden: 2 },
      },
      switches: { site: true, all: true, everySite: false },
      onToggleSite: () => undefined,
      onToggleAll: () => undefined,
      onAddSite: () => undefined,
      onToggleEverySite: () => undefined,
      onReveal: () => undefined,
      onOpenOptions: () => undefined,
    };
    expect(mount(<Popup {...props} />).querySelector('[data-testid="hidden"]')!.textContent).toMatch(/^2 highlights hidden by your corrections\./);
  });
});
