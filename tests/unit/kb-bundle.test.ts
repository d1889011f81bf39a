import { describe, expect, it } from 'vitest';
import { loadBundledKb } from '../helpers/kb';
import { patternWords } from '../../utils/match/tokens';
import { parseKnowledgeBase } from '../../utils/kb/service';
import { overlappingOffices, staleFutureTense, unendedRoles } from '../../utils/kb/consistency';

const kb = loadBundledKb();
const today = new Date().toISOString().slice(0, 10);

function allDates(): { where: string; date: string }[] {
  const out: { where: string; date: string }[] = [];
  for (const e of kb.entities) {
    out.push({ where: `${e.id}.checked`, date: e.checked });
    for (const s of e.sources) out.push({ where: `${e.id} source`, date: s.date });
    for (const d of e.dates ?? []) out.push({ where: `${e.id} date`, date: d.date });
    for (const r of e.roles ?? []) {
      if (r.start) out.push({ where: `${e.id} role start`, date: r.start });
      if (r.end) out.push({ where: `${e.id} role end`, date: r.end });
    }
    for (const f of e.figures ?? []) {
      out.push({ where: `${e.id} figure`, date: f.date });
      out.push({ where: `${e.id} figure source`, date: f.source.date });
    }
    for (const v of e.stat?.values ?? []) {
      out.push({ where: `${e.id} value`, date: v.date });
      out.push({ where: `${e.id} value source`, date: v.source.date });
    }
  }
  return out;
}

describe('the bundled knowledge base', () => {
  it('validates against the schema and covers the seeds (30+ entities)', () => {
    expect(kb.entities.length).toBeGreaterThanOrEqual(30);
  });

  it('meets the coverage targets for 2024–2026 news', () => {
    const count = (...types: string[]) => kb.entities.filter((e) => types.includes(e.type)).length;
    expect(kb.entities.length).toBeGreaterThanOrEqual(400);
    expect(count('person')).toBeGreaterThanOrEqual(160);
    expect(count('inquiry', 'review', 'report', 'plan', 'monitoring', 'operation', 'case')).toBeGreaterThanOrEqual(80);
    expect(count('organisation')).toBeGreaterThanOrEqual(50);
    expect(kb.entities.filter((e) => (e.stat?.values.length ?? 0) >= 2).length).toBeGreaterThanOrEqual(70);
    expect(kb.entities.reduce((n, e) => n + (e.figures?.length ?? 0), 0)).toBeGreaterThanOrEqual(150);
  });

  it('has unique ids', () => {
    const ids = kb.entities.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has related ids that all exist', () => {
    const ids = new Set(kb.entities.map((e) => e.id));
    const dangling = kb.entities.flatMap((e) => (e.related ?? []).filter((r) => !ids.has(r)).map((r) => `${e.id} -> ${r}`));
    expect(dangling).toEqual([]);
  });

  it('never has two people in a single-holder office at once', () => {
    expect(overlappingOffices(kb.entities)).toEqual([]);
  });

  it('ends a role when its holder moves on to another', () => {
    expect(unendedRoles(kb.entities)).toEqual([]);
  });

  it('speaks of nothing as still to come once its date has passed', () => {
    expect(staleFutureTense(kb.entities)).toEqual([]);
  });

  it('says for every statistic what it counts, and for every value what span it covers, in words', () => {
    const problems: string[] = [];
    for (const e of kb.entities) {
      if (!e.stat) continue;
      if (!e.stat.subject) problems.push(`${e.id}: no subject`);
      for (const v of e.stat.values) {
        const where = `${e.id} ${v.date} ${v.value}`;
        if (!v.period) problems.push(`${where}: no period kind`);
        else if (v.period === 'calendar-year' && v.date.length !== 4) problems.push(`${where}: a calendar year dated ${v.date}`);
        else if (v.period === 'month' && v.date.length !== 7) problems.push(`${where}: a month dated ${v.date}`);
        else if (v.period !== 'calendar-year' && v.period !== 'month' && !v.label) problems.push(`${where}: a ${v.period} value needs its period in words`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives key figures only to entries that are not statistics, each named by words of its own', () => {
    const problems: string[] = [];
    for (const e of kb.entities) {
      const figures = e.figures ?? [];
      if (figures.length && e.type === 'statistic') problems.push(`${e.id}: a statistic's values are its series`);
      const seen = new Map<string, number>();
      figures.forEach((f, i) => {
        for (const w of f.words) {
          const key = w.toLowerCase();
          if (seen.has(key)) problems.push(`${e.id}: "${w}" names figures ${seen.get(key)} and ${i}`);
          seen.set(key, i);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('has no date in the future', () => {
    expect(allDates().filter((d) => d.date > today)).toEqual([]);
  });

  it('gives every statistic value its own source', () => {
    const stats = kb.entities.filter((e) => e.type === 'statistic');
    expect(stats.length).toBeGreaterThan(5);
    for (const s of stats) {
      expect(s.stat, s.id).toBeDefined();
      for (const v of s.stat!.values) expect(v.source.publisher.length, s.id).toBeGreaterThan(1);
    }
  });

  it('lets no alias be claimed by two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of kb.entities) {
      for (const a of e.aliases) {
        // Aliases are matched word by word, so two spellings with the same words are the same alias.
        const words = patternWords(a.text);
        const lower = words.lower.join(' ');
        const key = a.caseSensitive ? `cs:${words.cased.join(' ')}` : lower;
        const other = owner.get(key) ?? owner.get(lower);
        if (other && other !== e.id) clashes.push(`${a.text}: ${other} / ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every entity with short forms a full-name alias to anchor them', () => {
    const missing = kb.entities
      .filter((e) => e.aliases.some((a) => a.afterFullName))
      .filter((e) => !e.aliases.some((a) => !a.afterFullName))
      .map((e) => e.id);
    expect(missing).toEqual([]);
  });
});

describe('KB validation errors', () => {
  it('names the entry and field at fault', () => {
    const broken = structuredClone(kb);
    broken.entities[0]!.sources = [];
    expect(() => parseKnowledgeBase(broken)).toThrow(/entities\.0\.sources.*every entity needs a source/);
  });

  it('rejects a source address that is not https', () => {
    const broken = structuredClone(kb);
    broken.entities[1]!.sources[0]!.url = 'http://example.org/page';
    expect(() => parseKnowledgeBase(broken)).toThrow(/https/);
  });

  it('rejects a malformed date', () => {
    const broken = structuredClone(kb);
    broken.entities[2]!.checked = '2023-13-01';
    expect(() => parseKnowledgeBase(broken)).toThrow(/YYYY/);
  });
});

describe('the bundle files', () => {
  it('load through the same loader the background uses, with the same result', async () => {
    const { loadBundledKbAsync } = await import('../helpers/kb');
    expect(await loadBundledKbAsync()).toEqual(kb);
  });

  it('reject a file that is not a list of entities, naming it', async () => {
    const { loadBundle } = await import('../../utils/kb/bundle');
    const files: Record<string, unknown> = { 'index.json': { version: '1', files: ['people.json'] }, 'people.json': [1, 2] };
    await expect(loadBundle(async (f) => files[f])).rejects.toThrow(/people\.json is not of the form/);
  });
});
