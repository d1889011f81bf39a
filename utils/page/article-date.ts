/**
 * Reads an article's publication date from its metadata, so the card can say what was true
 * when the article was written. Pure: it reads the document and returns a KB-style calendar
 * date (the publisher's own calendar day, as written in the timestamp), never guessing from
 * visible text.
 */

/** "2023-01-17", "2023-01" or "2023" at the start of an ISO 8601 timestamp. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/;

/** The calendar date an ISO 8601 value names, at the precision it gives; undefined if it is not one. */
export function isoCalendarDate(value: string | null | undefined): string | undefined {
  const match = ISO_DATE.exec((value ?? '').trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter(Boolean).join('-');
}

const ARTICLE_TYPES = /(^|:)(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|Report)$/;

/** datePublished of the first article-like object in a JSON-LD value (handles @graph and arrays). */
function jsonLdDate(value: unknown, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 4) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = jsonLdDate(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
  if (types.some((t) => ARTICLE_TYPES.test(t)) && typeof record.datePublished === 'string') {
    return isoCalendarDate(record.datePublished);
  }
  return jsonLdDate(record['@graph'], depth + 1);
}

function fromJsonLd(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = jsonLdDate(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own business: try the next source.
    }
  }
  return undefined;
}

/**
 * The article's publication date, from (in order of how deliberately publishers set them)
 * `<meta property="article:published_time">`, JSON-LD `datePublished`, an element with
 * `itemprop="datePublished"`, then the first `<time datetime>` inside the article.
 */
export function readArticleDate(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]');
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const time = doc.querySelector('article time[datetime], main time[datetime]') ?? doc.querySelector('time[datetime]');
  return (
    isoCalendarDate(meta?.getAttribute('content')) ??
    fromJsonLd(doc) ??
    isoCalendarDate(itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime')) ??
    isoCalendarDate(time?.getAttribute('datetime'))
  );
}
