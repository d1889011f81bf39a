#!/usr/bin/env node
// Sanitize one saved news page into a markup fixture (tests/fixtures/markup/).
//
//   node scripts/make-markup-fixture.mjs <source.html> <out.html> [options]
//
// Options (applied in this order, after sanitizing):
//   --remove <selector>          remove every match (e.g. an over-long comment list)
//   --keep <selector>=<N>        keep only the first N matches of <selector>
//   --mark <selector>=<value>    set data-fixture="<value>" on every match
//                                (":first" / ":last" suffix on <value> marks only
//                                 the first / last match, e.g. "p=story-first:first")
//
// What it does: keeps the publisher's element structure (tags, class, id, role,
// aria-*, microdata, RDFa, a few structural data-* attributes) and removes
// everything that runs or loads (scripts other than JSON-LD, styles, links,
// iframes, svg contents, noscript, event handlers, image sources), rewrites
// every href to a host-less path, and replaces EVERY word of text with an
// ordinary English word of the same length chosen by a hash of the original
// word, so no sentence of the source survives. See tests/fixtures/markup/README.md.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';

// ---------------------------------------------------------------- vocabulary
// Ordinary lower-case words; no names, nothing about police, crime or places.
const VOCAB_TEXT = `
a o
an as at be by do go if in is it me my no of on or so to up we
ant bag bee box cap cat cup dew dog egg elm fan fig fog fox hat hen ink jam jar jug kit lid map mat mop mug net nut oak owl pan pea pen pie pig pot rag rug sap saw sea sky sun tea toe toy tub wax web yak zip ash bun cod ivy oat pod ram yam
bark bean bell bird boat bowl cake card coat corn crab cube desk dove drum duck farm fern fish flag frog gate goat harp hill jelly kite lake lamp leaf lily lime milk mint moon moss nest oven pear pine plum pond rain reed rose sage salt sand seed ship soap sock soup star tile tree tuna vase wave wind wool yarn
apple bacon beach bench berry bread brick brush cabin candy chair chalk cloud clove cocoa crane daisy fable feast field flute fruit grape grass heron honey house juice kayak koala lemon llama maple melon mango olive onion otter paint panda peach pearl piano plant plate quilt river robin salad scarf sheep shell snail spoon stone sugar table tiger toast tulip whale wheat
almond basket beetle bottle branch bubble butter button candle carpet carrot cattle cherry cookie cotton donkey dragon flower forest garden ginger guitar hammer island jacket kettle ladder lizard meadow mitten muffin noodle orange oyster parrot pebble pencil pepper pickle pillow puzzle rabbit ribbon saddle salmon spider spring sunset teapot tomato turnip turtle valley velvet violin walnut window winter yogurt
apricot avocado balloon bicycle biscuit blanket cabbage caramel compass cupcake dolphin feather freckle giraffe harvest hedgehog lantern leopard lettuce mallard meadows mustard octopus pancake peacock pelican penguin picture pudding pumpkin raccoon rainbow sausage seaweed spinach sparrow sunrise teacups thistle trumpet tumbler vanilla walrus weather whisker
aardvark anteater backpack blossoms blueberry bluebell brownies buttercup calendar cardigan chestnut cinnamon coconuts crayfish daffodil dandelion doughnut dumpling eggplant elephant fireside flamingo goldfish hazelnut hedgerow honeybee jamboree kangaroo keyboard lavender lemonade mandolin marigold mushroom notebook omelette pancakes paintbox pinecone pistachio plankton popcorn porridge pinwheel raindrop rosemary sandwich seashell snowball starfish sunlight teaspoon tortoise trousers umbrella windmill woodland
alligator artichoke asparagus blueberry bumblebee butterfly buttercup cardamom casserole chocolate crocodile dandelion dragonfly firewood gardening gooseberry honeycomb jellyfish lemongrass lightbulb marmalade mousetrap nightfall pineapple raspberry sailboats scarecrow snowflake sunflower tangerine waterfall woodpecker
applesauce blackberry buttermilk butterflies cantaloupe chimpanzee cornflower dragonfruit grapefruit grasshopper hummingbird kettledrum lighthouse marshmallow nightingale peppermint pomegranate rhinoceros strawberry sweetcorn tablecloth teakettles thumbnails toothbrush watermelon wheelbarrow windowsill
`;

const VOCAB = new Map(); // length -> string[]
for (const w of VOCAB_TEXT.split(/\s+/)) {
  if (!/^[a-z]+$/.test(w)) continue;
  if (!VOCAB.has(w.length)) VOCAB.set(w.length, []);
  const list = VOCAB.get(w.length);
  if (!list.includes(w)) list.push(w);
}
const MAX_LEN = Math.max(...VOCAB.keys());
for (let n = 1; n <= MAX_LEN; n++) if (!VOCAB.has(n)) throw new Error(`vocabulary has no word of length ${n}`);

function fnv1a(s, seed = 0) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function pick(len, key, seed, avoid) {
  const list = VOCAB.get(len);
  let i = fnv1a(key, seed) % list.length;
  if (list[i] === avoid && list.length > 1) i = (i + 1) % list.length;
  return list[i];
}

const wordCache = new Map();
function replacementFor(lower) {
  let r = wordCache.get(lower);
  if (r !== undefined) return r;
  const chars = [...lower];
  const len = chars.length;
  if (len <= MAX_LEN) {
    r = pick(len, lower, 0, lower);
  } else {
    r = '';
    let seed = 1;
    while (r.length < len) {
      const n = Math.min(MAX_LEN, len - r.length);
      r += pick(n, lower, seed++, null);
    }
  }
  wordCache.set(lower, r);
  return r;
}

// A word = a run of letters (any script). Digits, punctuation and spaces stay.
const WORD_RE = /\p{L}+/gu;
export function scrambleText(text) {
  return text.replace(WORD_RE, (word) => {
    const chars = [...word];
    const rep = [...replacementFor(word.toLowerCase())];
    let out = '';
    for (let i = 0; i < rep.length; i++) {
      const c = chars[i];
      out += c !== c.toLowerCase() && c === c.toUpperCase() ? rep[i].toUpperCase() : rep[i];
    }
    return out;
  });
}

// ---------------------------------------------------------------- attributes
const KEEP_ATTRS = new Set([
  'class', 'id', 'role', 'hidden', 'itemprop', 'itemscope', 'itemtype', 'itemref', 'itemid',
  'property', 'typeof', 'vocab', 'name', 'lang', 'dir', 'datetime', 'contenteditable', 'open',
  'inert', 'type', 'rel', 'colspan', 'rowspan', 'charset',
]);
const KEEP_DATA = new Set([
  'data-component', 'data-qa', 'data-testid', 'data-gu-name', 'data-spacefinder-role',
  'data-module', 'data-type', 'data-fixture',
]);
const SCRAMBLE_ATTRS = new Set(['title', 'alt', 'aria-label', 'aria-description', 'aria-roledescription', 'placeholder']);
const PLACEHOLDER_IMG = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const HEAD_META = /^(og:type|og:title|description|article:.*)$/i;

const isUrlish = (s) => /^(https?:)?\/\//i.test(s) || /^(mailto|tel|javascript|data):/i.test(s) || /^\/[^\s]*$/.test(s);
const isDateish = (s) => /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(s.trim());

function rewriteHref(v) {
  const s = v.trim();
  if (s.startsWith('#')) return s;
  return '/link';
}

function keepHidingStyle(style) {
  const kept = style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => /^display\s*:\s*none\b/i.test(d) || /^visibility\s*:\s*hidden\b/i.test(d));
  return kept.length ? kept.join('; ') : null;
}

function sanitizeUrlInJson(s, key) {
  if (/^https?:\/\/schema\.org/i.test(s)) return s;
  if (key === '@id') {
    const hash = s.indexOf('#');
    return hash >= 0 ? '/link' + s.slice(hash) : '/link';
  }
  return '/link';
}

function walkJson(value, key) {
  if (typeof value === 'string') {
    if (key === '@type' || key === '@context') return value;
    if (isUrlish(value.trim())) return sanitizeUrlInJson(value.trim(), key);
    if (key === '@id') return scrambleText(value);
    if (isDateish(value)) return value;
    return scrambleText(value);
  }
  if (Array.isArray(value)) return value.map((v) => walkJson(v, key));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = walkJson(v, k);
    return out;
  }
  return value;
}

const notes = [];

function sanitizeJsonLd(el) {
  const raw = el.textContent;
  const cleaned = raw
    .trim()
    .replace(/^(\/\/|\/\*)?\s*<!\[CDATA\[(\s*\*\/)?/, '')
    .replace(/(\/\/|\/\*)?\s*\]\]>(\s*\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
  try {
    const data = JSON.parse(cleaned);
    el.textContent = JSON.stringify(walkJson(data, null)).replace(/</g, '\\u003c');
  } catch (e) {
    notes.push(`JSON-LD did not parse (${e.message.slice(0, 60)}); dropped`);
    el.remove();
  }
}

function sanitizeAttributes(el) {
  const tag = el.tagName.toLowerCase();
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name === 'href') {
      if (tag === 'a' || tag === 'area') el.setAttribute('href', rewriteHref(value));
      else el.removeAttribute(attr.name);
    } else if (name === 'src') {
      if (tag === 'img' || (tag === 'input' && /image/i.test(el.getAttribute('type') || ''))) el.setAttribute('src', PLACEHOLDER_IMG);
      else el.removeAttribute(attr.name);
    } else if (name === 'style') {
      const kept = keepHidingStyle(value);
      if (kept) el.setAttribute('style', kept);
      else el.removeAttribute(attr.name);
    } else if (name === 'content') {
      const prop = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
      if (prop === 'og:type' || isDateish(value)) continue;
      if (isUrlish(value.trim())) el.setAttribute('content', '/link');
      else el.setAttribute('content', scrambleText(value));
    } else if (SCRAMBLE_ATTRS.has(name)) {
      el.setAttribute(attr.name, scrambleText(value));
    } else if (name.startsWith('aria-')) {
      // keep as written (ids, true/false, levels)
    } else if (name.startsWith('data-')) {
      if (!KEEP_DATA.has(name)) el.removeAttribute(attr.name);
    } else if (name === 'name' && tag === 'meta') {
      // kept
    } else if (!KEEP_ATTRS.has(name)) {
      el.removeAttribute(attr.name);
    }
  }
  if (tag === 'script') {
    for (const a of [...el.attributes]) if (a.name !== 'type') el.removeAttribute(a.name);
  }
  // No address of the web may survive in a kept attribute (itemid, data-testid
  // values...); schema.org type URIs in itemtype/vocab/typeof/property stay.
  for (const a of [...el.attributes]) {
    if (['itemtype', 'itemscope', 'vocab', 'typeof', 'property'].includes(a.name.toLowerCase())) continue;
    if (/(https?:)?\/\/[^\s"'<>]+/i.test(a.value)) el.setAttribute(a.name, a.value.replace(/(https?:)?\/\/[^\s"'<>]+/gi, '/link'));
  }
}

function sanitizeTree(root, window) {
  const NodeF = window.Node;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    for (const child of [...node.childNodes]) {
      if (child.nodeType === NodeF.COMMENT_NODE || child.nodeType === NodeF.PROCESSING_INSTRUCTION_NODE) {
        child.remove();
        continue;
      }
      if (child.nodeType === NodeF.TEXT_NODE) continue; // scrambled afterwards, see scrambleTextNodes
      if (child.nodeType !== NodeF.ELEMENT_NODE) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'script') {
        if ((child.getAttribute('type') || '').trim().toLowerCase() === 'application/ld+json') {
          sanitizeAttributes(child);
          sanitizeJsonLd(child);
        } else child.remove();
        continue;
      }
      if (['style', 'link', 'iframe', 'noscript', 'frame', 'frameset', 'base', 'portal'].includes(tag)) {
        child.remove();
        continue;
      }
      sanitizeAttributes(child);
      if (tag === 'svg') {
        while (child.firstChild) child.firstChild.remove();
        continue;
      }
      if (tag === 'template' && child.content) stack.push(child.content);
      stack.push(child);
    }
  }
}

// Scramble the text nodes of each block (nearest non-inline ancestor) as one
// string, so a word split over
// elements (a drop cap <span>W</span>hale) maps like the whole word and matches
// the JSON-LD articleBody; replacements keep each word's length, so the result
// is cut back into the same nodes at the same code-point offsets.
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

function scrambleTextNodes(root, window) {
  const NodeF = window.Node;
  const runs = []; // text nodes grouped by their nearest non-inline ancestor, in document order
  let run = null;
  const visit = (node, block) => {
    for (const child of node.childNodes) {
      if (child.nodeType === NodeF.TEXT_NODE) {
        if (!run || run.block !== block) runs.push((run = { block, nodes: [] }));
        run.nodes.push(child);
      } else if (child.nodeType === NodeF.ELEMENT_NODE) {
        const tag = child.tagName.toLowerCase();
        if (tag === 'script') continue;
        const inner = INLINE.has(tag) ? block : child;
        if (inner !== block) run = null;
        visit(child, inner);
        if (tag === 'template' && child.content) visit(child.content, child.content);
        if (inner !== block) run = null;
      }
    }
  };
  visit(root, root);
  for (const { nodes } of runs) {
    const parts = nodes.map((n) => [...n.textContent]);
    const scrambled = [...scrambleText(parts.map((p) => p.join('')).join(''))];
    let at = 0;
    nodes.forEach((n, i) => {
      const len = parts[i].length;
      const t = scrambled.slice(at, at + len).join('');
      at += len;
      n.textContent = /^\s*$/.test(t) ? (t.includes('\n') ? '\n' : t === '' ? '' : ' ') : t;
    });
  }
}

function sanitizeHead(head) {
  for (const el of [...head.children]) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'title') continue;
    if (tag === 'meta') {
      const key = el.getAttribute('property') || el.getAttribute('name') || '';
      if (el.hasAttribute('charset') || el.hasAttribute('itemprop') || HEAD_META.test(key)) continue; // itemprop: microdata such as a head <meta itemprop=articleBody>
    }
    if (tag === 'script' && (el.getAttribute('type') || '').trim().toLowerCase() === 'application/ld+json') continue;
    el.remove();
  }
}

function applyOptions(document, opts) {
  for (const sel of opts.remove) for (const el of [...document.querySelectorAll(sel)]) el.remove();
  for (const spec of opts.keep) {
    const i = spec.lastIndexOf('=');
    const sel = spec.slice(0, i);
    const n = Number(spec.slice(i + 1));
    [...document.querySelectorAll(sel)].slice(n).forEach((el) => el.remove());
  }
  for (const spec of opts.mark) {
    const i = spec.lastIndexOf('=');
    const sel = spec.slice(0, i);
    let value = spec.slice(i + 1);
    let which = 'all';
    const m = value.match(/^(.*):(first|last)$/);
    if (m) [, value, which] = m;
    let els = [...document.querySelectorAll(sel)];
    if (!els.length) throw new Error(`--mark: no match for ${sel}`);
    if (which === 'first') els = els.slice(0, 1);
    if (which === 'last') els = els.slice(-1);
    for (const el of els) el.setAttribute('data-fixture', value);
  }
}

// happy-dom's parser can lose the rest of a page on some inline-svg or script
// content, so the parts that are removed anyway go before parsing: comments,
// scripts other than JSON-LD, styles, noscript, and the inside of every <svg>.
export function preStrip(html) {
  const kept = [];
  return html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (m, attrs) => {
      if (!/type\s*=\s*["']?application\/ld\+json/i.test(attrs)) return '';
      kept.push(m);
      return `\u0000${kept.length - 1}\u0000`;
    })
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi, '')
    .replace(/<svg\b([^>]*)>[\s\S]*?<\/svg\s*>/gi, '<svg$1></svg>')
    .replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
}

function main(argv) {
  const args = argv.slice(2);
  const opts = { remove: [], keep: [], mark: [] };
  const pos = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--remove') opts.remove.push(args[++i]);
    else if (a === '--keep') opts.keep.push(args[++i]);
    else if (a === '--mark') opts.mark.push(args[++i]);
    else pos.push(a);
  }
  if (pos.length !== 2) {
    console.error('usage: node scripts/make-markup-fixture.mjs <source.html> <out.html> [--remove sel] [--keep sel=N] [--mark sel=value[:first|:last]]');
    process.exit(2);
  }
  const [src, out] = pos;
  const html = preStrip(readFileSync(src, 'utf8'));
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const langAttr = document.documentElement.getAttribute('lang');
  sanitizeHead(document.head);
  sanitizeTree(document.documentElement, window);
  scrambleTextNodes(document.documentElement, window);
  for (const a of [...document.documentElement.attributes]) {
    if (!['lang', 'dir', 'class', 'id', 'itemscope', 'itemtype'].includes(a.name)) document.documentElement.removeAttribute(a.name);
  }
  if (langAttr) document.documentElement.setAttribute('lang', langAttr);
  applyOptions(document, opts);
  const result = '<!DOCTYPE html>\n' + document.documentElement.outerHTML + '\n';
  writeFileSync(out, result);
  const kb = (Buffer.byteLength(result) / 1024).toFixed(1);
  console.log(`${out}: ${Buffer.byteLength(result)} bytes (${kb} KB)${notes.length ? '; ' + notes.join('; ') : ''}`);
  window.happyDOM.close?.();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv);
