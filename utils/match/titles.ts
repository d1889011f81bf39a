/**
 * People named again by title and surname ("Mr Carrick", "Sgt Blake", "Mrs Justice Lang",
 * "Commander Southworth") after their full name. One general rule for every courtesy title,
 * police rank and judicial title: ranks change, so a title is never part of a KB name. The
 * surname is taken from the KB name; the title is read off the page in front of it.
 */
import { patternWords } from './tokens';

/** A title's grammatical gender, when it has one ("Mrs" is never a man). */
export type TitleGender = 'female' | 'male';

interface Title {
  text: string;
  gender?: TitleGender;
}

const male = (...texts: string[]): Title[] => texts.map((text) => ({ text, gender: 'male' as const }));
const female = (...texts: string[]): Title[] => texts.map((text) => ({ text, gender: 'female' as const }));
const neutral = (...texts: string[]): Title[] => texts.map((text) => ({ text }));

/**
 * Titles written before a surname in British news copy, as they are capitalised there. Longer
 * forms are tried first, so "Detective Chief Inspector" wins over "Chief Inspector".
 */
export const TITLES: readonly Title[] = [
  ...male('Mr', 'Sir', 'Lord', 'Baron', 'Mr Justice', 'Lord Justice', 'His Honour Judge'),
  ...female('Mrs', 'Ms', 'Miss', 'Dame', 'Lady', 'Baroness', 'Mrs Justice', 'Ms Justice', 'Lady Justice', 'Her Honour Judge'),
  ...neutral(
    'Mx', 'Dr', 'Professor', 'Prof', 'Judge', 'District Judge', 'Recorder', 'Coroner',
    // Police ranks, spelled out and as newsrooms shorten them.
    'PC', 'WPC', 'DC', 'PCSO', 'Police Constable', 'Detective Constable', 'Constable', 'Special Constable',
    'Sgt', 'Sergeant', 'Det Sgt', 'DS', 'Detective Sergeant', 'Police Sergeant', 'Acting Sergeant',
    'Insp', 'Inspector', 'DI', 'Det Insp', 'Detective Inspector', 'Chief Inspector', 'Ch Insp', 'DCI', 'Detective Chief Inspector',
    'Supt', 'Superintendent', 'Det Supt', 'Detective Superintendent', 'Chief Superintendent', 'Ch Supt', 'Det Ch Supt',
    'DCS', 'Detective Chief Superintendent', 'Commander', 'Cdr', 'Cmdr',
    'Deputy Assistant Commissioner', 'DAC', 'Assistant Commissioner', 'AC', 'Deputy Commissioner', 'Commissioner',
    'Chief Constable', 'Deputy Chief Constable', 'Assistant Chief Constable', 'ACC', 'DCC',
    'Officer', 'Detective',
  ),
];

/** Title words as they must be written on the page (case-sensitive), longest first. */
export const TITLE_PATTERNS: readonly { cased: string[]; lower: string[]; gender?: TitleGender }[] = TITLES.map((t) => ({
  ...patternWords(t.text),
  gender: t.gender,
})).sort((a, b) => b.lower.length - a.lower.length);

/** A peer's territorial designation ("of Kirkwhelpington"), not part of the surname. */
const DESIGNATION = /\s+of\s+[A-Z][\w'’-]*(\s+[A-Z][\w'’-]*)*$/;
/** Post-nominals and generational suffixes that can end a name. */
const SUFFIXES = new Set(['jr', 'jnr', 'snr', 'sr', 'kc', 'qc', 'mp', 'obe', 'cbe', 'mbe', 'qpm', 'ii', 'iii']);

/**
 * The surname of a person's KB name, as its words: "Sir Mark Rowley" → ["Rowley"],
 * "Lord Stevens of Kirkwhelpington (Sir John Stevens)" → ["Stevens"], "Bernard Hogan-Howe" →
 * ["Hogan", "Howe"] (a hyphen joins words). Null when the name is a single word.
 */
export function surnameOf(name: string): string[] | null {
  const bare = name.replace(/\s*\(.*\)\s*$/, '').replace(DESIGNATION, '').trim();
  const words = bare.split(/\s+/).filter((w) => !SUFFIXES.has(w.replace(/[.,]/g, '').toLowerCase()));
  if (words.length < 2) return null;
  const last = words[words.length - 1]!;
  return patternWords(last).cased;
}

const GENDERED_HONORIFIC = /^(Sir|Lord|Mr|Baron|Dame|Lady|Baroness|Mrs|Ms|Miss)\b/;

/**
 * A person's gender as the KB's own words give it: an honorific in the name or an alias ("Sir",
 * "Dame", "Mrs"), else the pronoun that opens the summary's sentences ("He joined the Met…").
 * Undefined when they do not say, or say both; then only titles without a gender apply.
 */
export function genderOf(names: readonly string[], summary: string): TitleGender | undefined {
  const said = new Set<TitleGender>();
  for (const name of names) {
    const title = GENDERED_HONORIFIC.exec(name)?.[1];
    if (title) said.add(TITLES.find((t) => t.text === title)!.gender!);
  }
  if (said.size === 0) {
    for (const m of summary.matchAll(/(?:^|[.!?]\s+)(He|She)\b/g)) said.add(m[1] === 'He' ? 'male' : 'female');
  }
  return said.size === 1 ? [...said][0] : undefined;
}
