import { describe, expect, it } from 'vitest';
import { TabRequest, createMessageListener, type TabReplies } from '../../utils/messages';

const EXTENSION_ID = 'test-extension-id';

/** The content script's listener, as entrypoints/content wires it, with handlers that record calls. */
function contentListener() {
  const calls: string[] = [];
  const handle = createMessageListener<TabRequest, TabReplies>(
    TabRequest,
    {
      getPageSummary: () => {
        calls.push('summary');
        return { site: 'standard.co.uk', enabled: true, settled: true, relevant: true, reason: '', counts: {}, entities: [] };
      },
      revealEntity: ({ id }) => {
        calls.push(`reveal ${id}`);
        return true;
      },
      focusNextMention: () => {
        calls.push('next mention');
        return true;
      },
    },
    EXTENSION_ID,
  );
  return { handle, calls };
}

describe('the content script’s message listener', () => {
  it('acts on a well-formed request from the extension', async () => {
    const { handle, calls } = contentListener();
    await expect(handle({ type: 'revealEntity', id: 'mark-rowley' }, { id: EXTENSION_ID })).resolves.toEqual({ ok: true, value: true });
    expect(calls).toEqual(['reveal mark-rowley']);
  });

  it('moves to the next mention when the background passes on the reader’s shortcut', async () => {
    const { handle, calls } = contentListener();
    await expect(handle({ type: 'focusNextMention' }, { id: EXTENSION_ID })).resolves.toEqual({ ok: true, value: true });
    expect(calls).toEqual(['next mention']);
  });

  it.each([
    ['a background request', { type: 'getEntity', id: 'mark-rowley' }],
    ['an unknown type', { type: 'runScript', code: 'alert(1)' }],
    ['a missing id', { type: 'revealEntity' }],
    ['an id that is not a string', { type: 'revealEntity', id: { toString: 'x' } }],
    ['an over-long id', { type: 'revealEntity', id: 'x'.repeat(201) }],
    ['an extra field', { type: 'getPageSummary', html: '<img src=x>' }],
    ['a shortcut request carrying a target', { type: 'focusNextMention', selector: 'a' }],
    ['an array', [{ type: 'getPageSummary' }]],
    ['undefined', undefined],
  ])('drops %s without acting', (_, message) => {
    const { handle, calls } = contentListener();
    expect(handle(message, { id: EXTENSION_ID })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a web page (no extension id)', { id: undefined }],
  ])('drops well-formed requests from %s', (_, sender) => {
    const { handle, calls } = contentListener();
    expect(handle({ type: 'getPageSummary' }, sender)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
