import { browser } from 'wxt/browser';
import { KbService } from '@/utils/kb/service';
import { loadBundle } from '@/utils/kb/bundle';
import { BackgroundRequest, createMessageListener, type BackgroundReplies } from '@/utils/messages';

export default defineBackground(() => {
  // The bundled KB ships inside the extension; reading it is not a network request.
  const kb = new KbService(() =>
    loadBundle(async (file) => (await fetch(browser.runtime.getURL(`/kb/${file}` as '/kb/index.json'))).json()),
  );

  browser.runtime.onInstalled.addListener(() => void kb.prepare());

  browser.runtime.onMessage.addListener(
    createMessageListener<BackgroundRequest, BackgroundReplies>(
      BackgroundRequest,
      {
        getMatchIndex: () => kb.matchIndex(),
        getEntity: ({ id }) => kb.entity(id),
        getStatus: () => kb.status(),
      },
      browser.runtime.id,
    ),
  );
});
