// Bench inputs: a news page of about 1 MB of article text built from the seed articles, and
// synthetic knowledge bases of any size in the product's schema.
import { readFileSync } from 'node:fs';

/** Article paragraphs from the three seed pages (their article bodies, as the reader sees them). */
function seedParagraphs() {
  const paragraphs = [];
  for (const name of ['seed-0-rowley-carrick', 'seed-1-new-met-plan', 'seed-2-engage-exit']) {
    const html = readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8');
    const body = html.slice(html.indexOf('itemprop="articleBody"'), html.indexOf('</article>'));
    for (const m of body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) paragraphs.push(m[1].trim());
  }
  return paragraphs.filter((p) => p.length > 40);
}

/** A page with site navigation and footer around an article of about `bytes` of text. */
export function bigArticlePage(bytes = 1_000_000) {
  const paragraphs = seedParagraphs();
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length];
    out.push(`<p>${p}</p>`);
    size += p.replace(/<[^>]+>/g, '').length;
  }
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Live: the Met in 2025</title></head>
<body><header><nav><a href="/">News</a> <a href="/uk">UK</a> <a href="/london">London</a></nav></header>
<main><article><h1>Live: the Metropolitan Police in 2025</h1><div class="article-body" itemprop="articleBody">
${out.join('\n')}
</div></article></main><footer><a href="/contact">Contact us</a> Metropolitan Police</footer></body></html>`;
}

const SYLLABLES = ['al', 'bar', 'cen', 'dor', 'el', 'fan', 'gor', 'hal', 'is', 'jor', 'kel', 'lin', 'mor', 'nel', 'or', 'pel', 'quin', 'ros', 'sel', 'tor', 'ul', 'ven', 'wen', 'yor', 'zan'];

function syntheticName(i) {
  const pick = (n) => SYLLABLES[n % SYLLABLES.length];
  const word = (n) => {
    const w = pick(n) + pick(Math.floor(n / 25)) + pick(Math.floor(n / 625) + 3);
    return w[0].toUpperCase() + w.slice(1);
  };
  return [word(i * 7 + 1), word(i * 13 + 5)];
}

/** The real KB plus synthetic people up to `total` entities, same schema. */
export function syntheticKb(realKb, total) {
  const entities = realKb.entities.slice(0, total);
  const source = { publisher: 'Synthetic', title: 'Generated for the benchmark', date: '2026-01-01' };
  for (let i = 0; entities.length < total; i++) {
    const [first, last] = syntheticName(i);
    entities.push({
      id: `synthetic-${i}`,
      type: 'person',
      name: `${first} ${last}`,
      aliases: [{ text: `${first} ${last}` }, { text: last, afterFullName: true, caseSensitive: true }],
      summary: `A synthetic person generated for the benchmark, number ${i}.`,
      sources: [source],
      checked: '2026-01-01',
    });
  }
  return { version: `synthetic-${total}`, entities };
}
