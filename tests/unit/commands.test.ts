import { describe, expect, it } from 'vitest';
import { COMMANDS, NEXT_MENTION_COMMAND, runCommand, type CommandDeps } from '../../utils/commands';
import { TabRequest } from '../../utils/messages';
import * as v from 'valibot';

/** The background's side of a shortcut, with a recording browser. */
function deps(options: { activeTab?: number; tabAnswers?: boolean } = {}) {
  const sent: [number, unknown][] = [];
  const api: CommandDeps = {
    activeTabId: async () => options.activeTab,
    sendToTab: async (tabId, request) => {
      sent.push([tabId, request]);
      if (options.tabAnswers === false) throw new Error('Could not establish connection. Receiving end does not exist.');
      return true;
    },
  };
  return { api, sent };
}

describe('the "next highlight" shortcut in the background', () => {
  it('passes the shortcut to the tab it was pressed in, as a request of the one protocol', async () => {
    const { api, sent } = deps({ activeTab: 9 });
    expect(await runCommand(NEXT_MENTION_COMMAND, { id: 4 }, api)).toBe(true);
    expect(sent).toEqual([[4, { type: 'focusNextMention' }]]);
    expect(v.safeParse(TabRequest, sent[0]![1]).success).toBe(true);
  });

  it.each<[string, string, { id?: number } | undefined, { activeTab?: number; tabAnswers?: boolean }, boolean, number[]]>([
    ['asks for the active tab when the browser passes none', NEXT_MENTION_COMMAND, undefined, { activeTab: 7 }, true, [7]],
    ['does nothing without an active tab', NEXT_MENTION_COMMAND, undefined, {}, false, []],
    ['does nothing on a tab without the content script (a browser page, an unlisted site)', NEXT_MENTION_COMMAND, { id: 3 }, { tabAnswers: false }, false, [3]],
    ['ignores a command it does not know', '_execute_action', { id: 3 }, {}, false, []],
  ])('%s', async (_, command, tab, options, result, tabs) => {
    const { api, sent } = deps(options);
    expect(await runCommand(command, tab, api)).toBe(result);
    expect(sent.map(([id]) => id)).toEqual(tabs);
  });
});

describe('the shortcut as the manifest declares it', () => {
  /**
   * Chrome's rules for suggested keys (developer.chrome.com, chrome.commands): Ctrl or Alt (or
   * MacCtrl / Command on a Mac), an optional Shift, and one letter, digit or named key. Firefox
   * reads the same manifest key and takes the same combinations.
   */
  const ALLOWED = /^(Ctrl|Alt|Command|MacCtrl)\+(Shift\+)?([A-Z0-9]|Comma|Period|Home|End|PageUp|PageDown|Space|Insert|Delete|Up|Down|Left|Right)$/;
  /** Browser and screen-reader keys a default must not take (Chrome, Firefox, NVDA, JAWS, VoiceOver). */
  const TAKEN = ['Ctrl+Shift+J', 'Alt+Shift+I', 'Alt+Shift+T', 'Alt+Shift+A', 'Ctrl+Shift+B', 'Command+Shift+J', 'MacCtrl+Alt+J'];

  it('suggests an allowed key on every platform, free of common browser and screen-reader keys', () => {
    const { suggested_key, description } = COMMANDS[NEXT_MENTION_COMMAND];
    for (const key of Object.values(suggested_key)) {
      expect(key).toMatch(ALLOWED);
      expect(TAKEN).not.toContain(key);
    }
    expect(suggested_key.default).toBe('Alt+Shift+J');
    expect(description).toBe('Move to the next highlight and open its card');
  });
});
