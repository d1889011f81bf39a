/**
 * The extension's keyboard shortcuts (the `commands` manifest key, read by Chrome and Firefox
 * alike; it needs no permission). For readers who switch "Mentions are tab stops" off: a
 * shortcut moves to the next highlight on the page and opens its card. The reader can change
 * or remove the key in chrome://extensions/shortcuts or Firefox's "Manage Extension Shortcuts".
 * No browser API is touched at module level: wxt.config.ts imports this file for the manifest.
 */
import type { TabRequest } from './messages';

export const NEXT_MENTION_COMMAND = 'next-mention';

/**
 * Alt+Shift+J (Control+Shift+J on a Mac). Chrome and Firefox take Ctrl or Alt, optional Shift,
 * and one key. Neither browser uses Alt+Shift+J; the screen readers' own keys are Insert or
 * Caps Lock (NVDA, JAWS, Narrator) and Control+Option (VoiceOver), and their browse-mode
 * letters come without Alt. On a Mac, Option+Shift+J types "Ô" and Command+Shift+J opens
 * Chrome's downloads, so the Control key is used there. "J" sits under the right hand's
 * resting finger and stands for "jump".
 */
export const COMMANDS = {
  [NEXT_MENTION_COMMAND]: {
    suggested_key: { default: 'Alt+Shift+J', mac: 'MacCtrl+Shift+J' },
    description: 'Move to the next highlight and open its card',
  },
} as const;

/** What running a command needs from the browser. */
export interface CommandDeps {
  /** The active tab of the focused window, when the browser does not pass the tab. */
  activeTabId(): Promise<number | undefined>;
  /** Sends one request of the protocol to a tab's content script. */
  sendToTab(tabId: number, request: TabRequest): Promise<unknown>;
}

/**
 * Passes a shortcut on to the active tab's content script. A tab without one (a browser page,
 * a site it does not run on) simply does nothing. Returns whether a content script took it.
 */
export async function runCommand(command: string, tab: { id?: number } | undefined, deps: CommandDeps): Promise<boolean> {
  if (command !== NEXT_MENTION_COMMAND) return false;
  const tabId = tab?.id ?? (await deps.activeTabId());
  if (tabId === undefined) return false;
  return deps.sendToTab(tabId, { type: 'focusNextMention' }).then(
    () => true,
    () => false,
  );
}
