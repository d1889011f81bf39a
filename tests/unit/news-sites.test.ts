import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NEWS_SITE_MATCHES, NEWS_SITES, isListedSite, listedSitePattern } from '../../utils/sites';

/**
 * Suffixes under which anyone can register a site (from the Public Suffix List): an entry equal
 * to one of these, or to a bare top-level domain, would cover thousands of unrelated sites.
 */
const SHARED_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'gov.uk', 'ac.uk', 'police.uk', 'nhs.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'sch.uk', 'mod.uk',
  'blog.gov.uk', 'service.gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'blogspot.com', 'github.io', 'wordpress.com',
  'substack.com', 'medium.com', 'wikipedia.org',
]);
/** Chrome's match pattern grammar for the two forms the list uses. */
const PATTERN = /^\*:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/;

/** Each entry of utils/news-sites.ts with the reason written beside it (a comment, not shipped). */
const ENTRIES = [...readFileSync('utils/news-sites.ts', 'utf8').matchAll(/^ {2}'([^']*)',(?: \/\/ (.*))?$/gm)].map((m) => [m[1]!, m[2] ?? ''] as const);

describe('the curated list of sites', () => {
  it('reads every entry of the list, with its reason', () => {
    expect(ENTRIES.map(([site]) => site)).toEqual(NEWS_SITES);
  });

  it.each(ENTRIES)('%s: a site, with a reason and a valid pattern', (site, why) => {
    expect(site).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(why.trim().length).toBeGreaterThan(2);
    // A "www." entry is one host (its pattern has no wildcard); any other covers its subdomains,
    // so it must be a registered site, never a suffix shared by many.
    if (site.startsWith('www.')) expect(listedSitePattern(site)).toBe(`*://${site}/*`);
    else expect(SHARED_SUFFIXES.has(site), `${site} is a shared suffix, broader than a site`).toBe(false);
    expect(listedSitePattern(site)).toMatch(PATTERN);
  });

  it('lists each site once, and none already covered by another entry', () => {
    expect(new Set(NEWS_SITES).size).toBe(NEWS_SITES.length);
    const covered = NEWS_SITES.filter((site) => NEWS_SITES.some((other) => other !== site && !other.startsWith('www.') && site.endsWith(`.${other}`)));
    expect(covered).toEqual([]);
    expect(NEWS_SITE_MATCHES).toHaveLength(NEWS_SITES.length);
  });

  it.each([
    // Where Met news is read: publishers' current domains, official bodies, the encyclopedia.
    'www.the-independent.com', 'www.standard.co.uk', 'news.sky.com', 'www.itv.com', 'uk.news.yahoo.com', 'www.msn.com',
    'www.policeprofessional.com', 'www.thisislocallondon.co.uk', 'www.mylondon.news',
    'news.met.police.uk', 'www.met.police.uk', 'www.london.gov.uk', 'hansard.parliament.uk', 'committees.parliament.uk',
    'www.gov.uk', 'gov.uk', 'hmicfrs.justiceinspectorates.gov.uk', 'www.policeconduct.gov.uk', 'www.cps.gov.uk',
    'www.judiciary.uk', 'www.college.police.uk', 'www.npcc.police.uk', 'www.police.uk', 'en.wikipedia.org', 'en.m.wikipedia.org',
    'www.angiolini.independent-inquiry.uk',
  ])('covers %s', (host) => expect(isListedSite(host)).toBe(true));

  it.each([
    // Hosts that merely share a suffix with a listed one, and everyday non-news sites.
    'somecouncil.gov.uk', 'cabinetoffice.blog.gov.uk', 'northumbria.police.uk', 'fr.wikipedia.org', 'de.m.wikipedia.org',
    'notbbc.co.uk', 'mail.google.com', 'example.co.uk', 'sky.com', 'www.yahoo.com',
  ])('does not cover %s', (host) => expect(isListedSite(host)).toBe(false));
});
