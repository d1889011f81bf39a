/**
 * When the article was published, from the page's own metadata: the Open Graph
 * `article:published_time`, JSON-LD `datePublished`, or the first `<time datetime>` in the
 * article. Returns the calendar day (YYYY-MM-DD) or undefined.
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
];

const DAY = /^(\d{4}-\d{2}-\d{2})/;

function day(value: string | null | undefined): string | undefined {
  const m = value ? DAY.exec(value.trim()) : null;
  return m?.[1];
}

function fromJsonLd(node: unknown, depth = 0): string | undefined {
  // Publishers nest JSON-LD in @graph arrays; a shallow walk finds it without risk of cycles.
  if (!node || typeof node !== 'object' || depth > 4) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = fromJsonLd(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return day(record.datePublished);
  return fromJsonLd(record['@graph'], depth + 1);
}

export function readPublishedDate(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const found = day(doc.querySelector(selector)?.getAttribute('content'));
    if (found) return found;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = fromJsonLd(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A publisher's malformed JSON-LD is theirs to fix; other sources may still say.
    }
  }
  const time = doc.querySelector('article time[datetime], main time[datetime], time[datetime]');
  return day(time?.getAttribute('datetime'));
}
