import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground, createMessageListener, unwrapReply, type BackgroundReplies } from '../../utils/messages';
import { BackgroundRequest } from '../../utils/background-requests';

const EXTENSION_ID = 'test-extension-id';

/** Handlers these tests never reach (each would fail loudly if they did). */
const notUsedHere = Object.fromEntries(
  (['siteAccessChanged', 'everySiteChanged', 'getKbOverview', 'saveNote', 'saveUserEntity', 'deleteUserEntity', 'getUserData', 'importUserData'] as const).map(
    (type) => [type, () => Promise.reject(new Error(`${type} is not part of this test`))],
  ),
) as unknown as Omit<Parameters<typeof createMessageListener<BackgroundRequest, BackgroundReplies>>[1], 'getMatchIndex' | 'getEntity' | 'getStatus'>;

function listener() {
  const calls: string[] = [];
  const handle = createMessageListener<BackgroundRequest, BackgroundReplies>(
    BackgroundRequest,
    {
      getMatchIndex: () => ({ kbVersion: 'x', entities: [], aliases: [], stats: [], surnames: [] }),
      getEntity: ({ id }) => {
        calls.push(id);
        if (id === 'boom') throw new Error('database closed');
        return null;
      },
      getStatus: () => ({ storage: 'indexeddb', kbVersion: 'x', entityCount: 0 }),
      ...notUsedHere,
    },
    EXTENSION_ID,
  );
  return { handle, calls };
}

describe('the message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a well-formed request from the extension', async () => {
    const { handle } = listener();
    await expect(handle({ type: 'getStatus' }, { id: EXTENSION_ID })).resolves.toEqual({
      ok: true,
      value: { storage: 'indexeddb', kbVersion: 'x', entityCount: 0 },
    });
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['a missing field', { type: 'getEntity' }],
    ['a wrong field type', { type: 'getEntity', id: 42 }],
    ['an extra field', { type: 'getEntity', id: 'a', eval: 'x' }],
    ['a string', 'getStatus'],
    ['null', null],
  ])('drops %s without acting', (_, message) => {
    const { handle, calls } = listener();
    expect(handle(message, { id: EXTENSION_ID })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('drops messages from another extension or a page', () => {
    const { handle, calls } = listener();
    expect(handle({ type: 'getEntity', id: 'a' }, { id: 'someone-else' })).toBeUndefined();
    expect(handle({ type: 'getEntity', id: 'a' }, {})).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('turns a handler failure into a clear error for the caller', async () => {
    const { handle } = listener();
    const reply = await handle({ type: 'getEntity', id: 'boom' }, { id: EXTENSION_ID });
    expect(() => unwrapReply(reply, 'getEntity')).toThrow('"getEntity" failed: database closed');
  });

  it('answers through the browser runtime', async () => {
    const { handle } = listener();
    fakeBrowser.runtime.onMessage.addListener(handle);
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getStatus' }, { id: EXTENSION_ID }, () => undefined);
    expect(unwrapReply(reply, 'getStatus')).toMatchObject({ kbVersion: 'x' });
  });

  it('retries while the background restarts, then reports a clear error', async () => {
    const { handle } = listener();
    let attempts = 0;
    // The first attempt meets a background that is not listening yet (no reply at all).
    const flaky = async (m: unknown) => (++attempts === 1 ? undefined : handle(m, { id: EXTENSION_ID }));
    expect((await askBackground(flaky, { type: 'getStatus' })).kbVersion).toBe('x');
    expect(attempts).toBe(2);
    await expect(askBackground(async () => undefined, { type: 'getStatus' })).rejects.toThrow(/No answer to "getStatus"/);
  });

  it('reports a refusal at once, without asking again (an import the background refused)', async () => {
    vi.useFakeTimers();
    try {
      const { handle, calls } = listener();
      let attempts = 0;
      const counted = async (m: unknown) => (attempts++, handle(m, { id: EXTENSION_ID }));
      let outcome: unknown;
      askBackground(counted, { type: 'getEntity', id: 'boom' }).catch((e: unknown) => (outcome = e));
      // No clock time passes: a refusal needs no back-off to be reported.
      await vi.advanceTimersByTimeAsync(0);
      expect(String(outcome)).toContain('"getEntity" failed: database closed');
      expect(attempts).toBe(1);
      expect(calls).toEqual(['boom']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends again when a message goes unanswered (sent as the background was stopping)', async () => {
    vi.useFakeTimers();
    try {
      const { handle } = listener();
      let attempts = 0;
      const lost = (m: unknown) => (++attempts === 1 ? new Promise<never>(() => undefined) : Promise.resolve(handle(m, { id: EXTENSION_ID })));
      const asked = askBackground(lost, { type: 'getStatus' });
      await vi.advanceTimersByTimeAsync(10_000 + 150);
      expect((await asked).kbVersion).toBe('x');
      expect(attempts).toBe(2);
      const never = askBackground(() => new Promise<never>(() => undefined), { type: 'getStatus' });
      const failed = expect(never).rejects.toThrow('No answer to "getStatus" within 10 s.');
      await vi.advanceTimersByTimeAsync(3 * 10_000 + 150 * 6);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
