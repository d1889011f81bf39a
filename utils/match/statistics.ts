/**
 * Finds figures in text (percentages, sums of money, counts) and ties each to a KB measure by
 * the words around it in the same sentence, then compares the page's figure with the KB's
 * sourced values.
 */
import { isWholeWord, normalizePattern, sentenceAt, type NormalizedText } from './normalize';
import type { IndexedStatistic, MatchIndex } from '../kb/match-index';
import type { StatReading } from './types';
import { byPeriod } from '../kb/dates';
import {
  COUNT_NOUN_WINDOW_WORDS,
  STAT_APPROXIMATE_TOLERANCE,
  STAT_EXACT_TOLERANCE,
} from '../constants';

export interface Figure {
  unit: IndexedStatistic['unit'];
  value: number;
  approximate: boolean;
  start: number;
  end: number;
}

const APPROX = String.raw`(?:(?:more than|over|around|about|almost|nearly|some|up to|at least|fewer than|less than|roughly|approximately)\s)?`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Counts written as words. "one" is left out: it is far more often a pronoun than a count. */
const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
const COUNT = String.raw`${NUMBER}|\b(?:${Object.keys(WORD_NUMBERS).join('|')})\b`;
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  mn: 1e6,
  bn: 1e9,
  billion: 1e9,
};
/** One pattern with one alternative per unit, so each figure is read once. */
const FIGURE = new RegExp(
  String.raw`(?<approx>${APPROX})(?:` +
    String.raw`(?<pct>${NUMBER})\s?(?:%|per\s?cent\b|percent\b)` +
    String.raw`|£\s?(?<gbp>${NUMBER})(?:\s?(?<mult>bn|billion|million|mn|m|k|thousand)\b)?` +
    // "seven out of eight areas": the count is the first number; the total belongs to the figure.
    String.raw`|(?<count>${COUNT})(?<plus>\+)?(?:\s(?:out\s)?of\s(?<total>${COUNT})\b)?` +
    ')',
  'giu',
);

function toNumber(digits: string): number {
  return WORD_NUMBERS[digits.toLowerCase()] ?? Number(digits.replace(/,/g, ''));
}

/** Every figure in the folded text, with its unit. Digits inside words are not figures. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const start = m.index! + (g.approx?.length ?? 0);
    const end = m.index! + m[0].length;
    if (/[\p{L}\p{N}.,]/u.test(text[start - 1] ?? ' ') && text[start - 1] !== '£') continue;
    const approximate = Boolean(g.approx) || Boolean(g.plus);
    if (g.pct) figures.push({ unit: 'percent', value: toNumber(g.pct), approximate, start, end });
    else if (g.gbp) {
      const mult = MULTIPLIERS[(g.mult ?? '').toLowerCase()] ?? 1;
      figures.push({ unit: 'gbp', value: Math.round(toNumber(g.gbp) * mult), approximate, start, end });
    } else if (g.count) {
      // "48-year-old", "24/7" and the like are not counts of anything a measure tracks.
      if (/^[-/]\p{L}/u.test(text.slice(end, end + 2)) || text[end] === '/') continue;
      figures.push({ unit: 'count', value: toNumber(g.count), approximate, start, end });
    }
  }
  return figures;
}

interface PhraseHit {
  start: number;
  end: number;
}

function findPhrase(text: string, from: number, to: number, phrase: string): PhraseHit[] {
  const needle = normalizePattern(phrase).lower;
  const hits: PhraseHit[] = [];
  // Searched within the sentence only: indexOf on the whole text would scan to the page's end.
  const window = text.slice(0, to);
  let at = window.indexOf(needle, from);
  while (at >= 0 && at + needle.length <= to) {
    // Cues may be word stems ("investigat"), so only their start must be a word start.
    if (isWholeWord(text, at, at) || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ')) {
      hits.push({ start: at, end: at + needle.length });
    }
    at = window.indexOf(needle, at + 1);
  }
  return hits;
}

/**
 * How well a measure's cues fit a figure, or null when they do not. Every cue group must occur
 * in the sentence outside the figure itself. For counts, the first group names the thing
 * counted and must follow the figure closely ("800 officers", "69,000 crimes"), which keeps two
 * counts in one sentence apart. Lower scores are closer fits.
 */
function cueFit(
  stat: IndexedStatistic,
  figure: Figure,
  text: string,
  sentence: { start: number; end: number },
  nextFigureStart: number,
): number | null {
  let score = 0;
  for (const [groupIndex, group] of stat.cues.entries()) {
    let best = Infinity;
    for (const phrase of group) {
      for (const hit of findPhrase(text, sentence.start, sentence.end, phrase)) {
        if (hit.start < figure.end && hit.end > figure.start) continue;
        const distance = hit.start >= figure.end ? hit.start - figure.end : figure.start - hit.end;
        if (figure.unit === 'count' && groupIndex === 0) {
          const between = text.slice(figure.end, hit.start);
          // The counted noun comes after the figure, close to it, with no other figure between.
          if (hit.start < figure.end || hit.start > nextFigureStart) continue;
          if (between.split(/\s+/).filter(Boolean).length > COUNT_NOUN_WINDOW_WORDS) continue;
        }
        best = Math.min(best, distance);
      }
    }
    if (best === Infinity) return null;
    score += best;
  }
  return score;
}

function yearNear(text: string, figure: Figure, sentence: { start: number; end: number }): string | undefined {
  const after = text.slice(figure.end, sentence.end);
  const m = /^[^,;]*?\b(?:in|for|during|of)\s((?:19|20)\d{2})\b/.exec(after);
  return m?.[1];
}

function agrees(a: number, b: number, approximate: boolean): boolean {
  const tolerance = approximate ? STAT_APPROXIMATE_TOLERANCE : STAT_EXACT_TOLERANCE;
  return Math.abs(a - b) <= Math.max(Math.abs(b) * tolerance, 0.05);
}

/**
 * Compares a page figure with the measure's values. A figure that equals any sourced value
 * agrees with it. Otherwise it is compared with the value for the year it names, or else the
 * latest value, and marked as differing.
 */
export function compareWithKb(stat: IndexedStatistic, value: number, approximate: boolean, period?: string): StatReading {
  const reading: StatReading = { value, approximate, differs: false, ...(period ? { period } : {}) };
  // A year named on the page is compared with the figure for that whole year first, then with
  // any figure dated within it, else with every value.
  const wholeYear = period ? stat.values.filter((v) => v.date === period) : [];
  const withinYear = period ? stat.values.filter((v) => v.date.startsWith(period)) : [];
  const pool = wholeYear.length ? wholeYear : withinYear.length ? withinYear : stat.values;
  const match = pool.find((v) => agrees(value, v.value, approximate));
  if (match) return { ...reading, kbValue: match };
  const latest = byPeriod(pool).at(-1);
  return latest ? { ...reading, kbValue: latest, differs: true } : reading;
}

/**
 * A figure with no cues of its own continues the measure of the sentence just before when
 * the two sentences are adjacent, the units agree and this one refers back with a pronoun
 * ("...answered within 10 seconds. In January, it reached 90.9 per cent.").
 */
function continuedStat(
  previous: { stat: IndexedStatistic; sentenceEnd: number } | undefined,
  figure: Figure,
  text: string,
  sentence: { start: number; end: number },
): IndexedStatistic | undefined {
  if (!previous || previous.stat.unit !== figure.unit) return undefined;
  const gap = text.slice(previous.sentenceEnd, sentence.start);
  if (gap.trim() !== '') return undefined;
  const words = text.slice(sentence.start, figure.start).split(/[^\p{L}]+/u);
  return words.some((w) => w === 'it' || w === 'this' || w === 'that') ? previous.stat : undefined;
}

export class StatisticMatcher {
  constructor(private readonly index: MatchIndex) {}

  find(text: NormalizedText): { entity: number; start: number; end: number; reading: StatReading }[] {
    const results: { entity: number; start: number; end: number; reading: StatReading }[] = [];
    if (!this.index.stats.length) return results;
    const figures = findFigures(text.cased);
    /** The last figure tied to a measure, for "it reached 90.9 per cent" in the next sentence. */
    let previous: { stat: IndexedStatistic; sentenceEnd: number } | undefined;
    for (const [i, figure] of figures.entries()) {
      const nextFigureStart = figures[i + 1]?.start ?? Infinity;
      const sentence = sentenceAt(text.cased, figure.start);
      let bestStat: IndexedStatistic | undefined;
      let bestScore = Infinity;
      for (const stat of this.index.stats) {
        if (stat.unit !== figure.unit) continue;
        const score = cueFit(stat, figure, text.lower, sentence, nextFigureStart);
        if (score !== null && score < bestScore) {
          bestScore = score;
          bestStat = stat;
        }
      }
      bestStat ??= continuedStat(previous, figure, text.lower, sentence);
      if (!bestStat) continue;
      previous = { stat: bestStat, sentenceEnd: sentence.end };
      const period = yearNear(text.lower, figure, sentence);
      results.push({
        entity: bestStat.entity,
        start: figure.start,
        end: figure.end,
        reading: compareWithKb(bestStat, figure.value, figure.approximate, period),
      });
    }
    return results;
  }
}
