// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { keepCopiesClean } from '../../utils/page/clipboard';

/** Copies the contents of `el` as the browser would, returning what reached the clipboard. */
function copy(el: Element, pageHandler?: (e: Event) => void) {
  const range = document.createRange();
  range.selectNodeContents(el);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  const data = new Map<string, string>();
  const event = new Event('copy', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { setData: (type: string, value: string) => data.set(type, value) } });
  if (pageHandler) el.addEventListener('copy', pageHandler, { once: true });
  el.dispatchEvent(event);
  return { data, native: !event.defaultPrevented };
}

let controller: AbortController;
afterEach(() => controller?.abort());

function page(html: string): Element {
  document.body.innerHTML = html;
  controller = new AbortController();
  keepCopiesClean(document, controller.signal);
  return document.querySelector('p')!;
}

describe('copying highlighted text', () => {
  it('gives the page’s text and markup without the extension’s elements', () => {
    const p = page('<p><met-mention data-met-id="mark-rowley" data-met-type="person">Sir Mark <b>Rowley</b></met-mention>, the <met-mention data-met-id="metropolitan-police" data-met-type="organisation">Metropolitan Police</met-mention> Commissioner</p>');
    const { data, native } = copy(p);
    expect(native).toBe(false);
    expect(data.get('text/plain')).toBe('Sir Mark Rowley, the Metropolitan Police Commissioner');
    expect(data.get('text/html')).toBe('Sir Mark <b>Rowley</b>, the Metropolitan Police Commissioner');
  });

  it('leaves copies without highlights to the browser', () => {
    const p = page('<p>Nothing of ours here.</p><met-mention data-met-id="x" data-met-type="person">elsewhere</met-mention>');
    expect(copy(p).native).toBe(true);
  });

  it('leaves the clipboard to a page that writes it itself', () => {
    const p = page('<p><met-mention data-met-id="x" data-met-type="person">Sir Mark Rowley</met-mention></p>');
    const { data, native } = copy(p, (e) => e.preventDefault());
    expect(native).toBe(false);
    expect(data.size).toBe(0);
  });

  it('stops when switched off', () => {
    const p = page('<p><met-mention data-met-id="x" data-met-type="person">Sir Mark Rowley</met-mention></p>');
    controller.abort();
    expect(copy(p).native).toBe(true);
  });
});
