/**
 * The background's answers to the correction requests of the one protocol (utils/messages.ts).
 * Who asks matters: a page's content script hears only its own page's corrections and may make
 * or undo corrections for its own site only; the extension's own pages (options) see them all.
 */
import { correctionsForPage, pageMayChange, type StoredCorrection } from './correction';
import { parseCorrection } from '../kb/user-data';
import { siteKey } from '../sites';
import type { BackgroundReplies, MessageSender } from '../messages';

export interface CorrectionStore {
  corrections(): Promise<StoredCorrection[]>;
  addCorrection(correction: StoredCorrection): Promise<StoredCorrection>;
  removeCorrection(id: string): Promise<void>;
}

export function correctionRequests(
  store: CorrectionStore,
  /** Tells every open tab (storage signal, ./signal.ts). */
  announce: () => Promise<void>,
  fromExtensionPage: (sender: MessageSender) => boolean,
) {
  return {
    async getCorrections(_: unknown, sender: MessageSender): Promise<BackgroundReplies['getCorrections']> {
      const all = await store.corrections();
      if (fromExtensionPage(sender)) return all;
      if (!sender.url) return [];
      return correctionsForPage(all, sender.url, siteKey(new URL(sender.url).hostname));
    },
    async addCorrection({ correction }: { correction: unknown }, sender: MessageSender): Promise<BackgroundReplies['addCorrection']> {
      const checked = parseCorrection(correction);
      if (!fromExtensionPage(sender) && !pageMayChange(checked, sender.url)) throw new Error('A page may only correct its own highlights.');
      const saved = await store.addCorrection(checked);
      await announce();
      return saved;
    },
    async removeCorrection({ id }: { id: string }, sender: MessageSender): Promise<BackgroundReplies['removeCorrection']> {
      if (!fromExtensionPage(sender)) {
        // A card's Undo: any correction made on the page's own site (a "not this one" included).
        const found = (await store.corrections()).find((c) => c.id === id);
        if (!found || !pageMayChange({ ...found, kind: 'site' }, sender.url)) throw new Error('A page may only undo its own site’s corrections.');
      }
      await store.removeCorrection(id);
      await announce();
      return null;
    },
  };
}
