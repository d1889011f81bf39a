// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '../../components/Card';
import { buildCardModel } from '../../utils/card/model';
import { loadBundledKb } from '../helpers/kb';
import type { Entity } from '../../utils/kb/schema';

const kb = loadBundledKb();
const byId = (id: string) => kb.entities.find((e) => e.id === id)!;

function show(entity: Entity, context?: Parameters<typeof buildCardModel>[2]) {
  const root = document.createElement('div');
  render(<Card model={buildCardModel(entity, [{ id: 'x', type: 'person', name: 'Related Person' }], context)} titleId="t" />, root);
  return root;
}

describe('the card', () => {
  it('shows the name, type, summary, sources and when it was checked', () => {
    const entity = byId('mark-rowley');
    const card = show(entity);
    expect(card.querySelector('h2')!.textContent).toBe(entity.name);
    expect(card.textContent).toContain('Person');
    expect(card.textContent).toContain(entity.summary);
    expect(card.querySelectorAll('.sources li').length).toBe(entity.sources.length);
    expect(card.textContent).toContain('Checked 25 November 2026');
    expect(card.querySelector('.chip')!.textContent).toBe('Related Person');
  });

  it('renders KB text as text, never as markup', () => {
    const hostile = { ...byId('mark-rowley'), summary: 'Text with <img src=x onerror="alert(1)"> inside it.' };
    const card = show(hostile);
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.summary')!.textContent).toBe(hostile.summary);
  });

  it('links only https sources, in a new tab without a referrer', () => {
    const entity = {
      ...byId('mark-rowley'),
      sources: [
        { publisher: 'A', title: 'Secure page', date: '2024-01-01', url: 'https://example.org/a' },
        { publisher: 'B', title: 'Script link', date: '2024-01-01', url: 'javascript:alert(1)' },
      ],
    };
    const links = [...show(entity).querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says neutrally when the page’s figure differs from the sourced one, and draws the series', () => {
    const stat = byId('stat-999-answered-10s');
    const card = show(stat, { reading: { value: 77.6, approximate: false, period: '2024', kbValue: { value: 86.2, date: '2024' }, differs: true } });
    expect(card.querySelector('.page-figure.differs')!.textContent).toBe(
      'This page: 77.6% for 2024. Sourced: 86.2% for 2024 (Police Professional, 23 January 2025).',
    );
    expect(card.querySelector('svg.sparkline')!.getAttribute('aria-label')).toMatch(/2023: 77.6%/);
  });
});
