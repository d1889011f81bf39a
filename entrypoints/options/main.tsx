import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options, type OptionsMessage, type OptionsProps } from '@/components/Options';
import { askBackground, type KbOverview } from '@/utils/messages';
import {
  DEFAULT_HIGHLIGHT,
  addedSites,
  allSitesEnabled,
  disabledSites,
  everySiteGranted,
  highlightSettings,
  mentionTabStops,
  setSiteEnabled,
  type HighlightSettings,
} from '@/utils/settings';
import { NEWS_SITES } from '@/utils/sites';
import { browserSiteActions, chooseEverySite, removeSite } from '@/utils/popup/site-actions';
import { buildCardModel } from '@/utils/card/model';
import { entryFromForm } from '@/utils/options/entries';
import { CORRECTIONS_FORMAT, MAX_IMPORT_BYTES, USER_DATA_FORMAT, correctionsReport } from '@/utils/kb/user-data';
import { watchCorrections } from '@/utils/corrections/signal';
import type { StoredCorrection } from '@/utils/corrections/correction';
import { NEXT_MENTION_COMMAND } from '@/utils/commands';
import cardCss from '@/components/card.css?inline';
import '@/components/theme.css';
import './style.css';

const send = (m: unknown) => browser.runtime.sendMessage(m);
/** "1 note", "3 notes". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/^"[a-zA-Z]+" failed: /, '');

/** Saves JSON as a file, made here: nothing leaves the browser. */
function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function App() {
  const [sites, setSites] = useState<OptionsProps['sites']>({ all: true, everySite: false, disabled: [], added: [], listed: NEWS_SITES });
  const [highlight, setHighlight] = useState<HighlightSettings>(DEFAULT_HIGHLIGHT);
  const [keyboard, setKeyboard] = useState<OptionsProps['keyboard']>({ tabStops: true });
  const [overview, setOverview] = useState<KbOverview>();
  const [selected, setSelected] = useState<OptionsProps['selected']>();
  const [message, setMessage] = useState<OptionsMessage>();
  const [corrections, setCorrections] = useState<StoredCorrection[]>();

  const loadSettings = async () => {
    const [all, everySite, disabled, added, look, tabStops, commands] = await Promise.all([
      allSitesEnabled.getValue(),
      everySiteGranted.getValue(),
      disabledSites.getValue(),
      addedSites.getValue(),
      highlightSettings.getValue(),
      mentionTabStops.getValue(),
      browser.commands.getAll().catch(() => []),
    ]);
    setSites({ all, everySite, disabled, added, listed: NEWS_SITES });
    setHighlight(look);
    const command = commands.find((c) => c.name === NEXT_MENTION_COMMAND);
    setKeyboard({ tabStops, ...(command ? { shortcut: command.shortcut ?? '' } : {}) });
  };
  const loadOverview = () => askBackground(send, { type: 'getKbOverview' }).then(setOverview);
  const loadCorrections = () =>
    askBackground(send, { type: 'getCorrections' }).then((list) => setCorrections([...list].sort((a, b) => b.created.localeCompare(a.created))));

  const select = async (id: string) => {
    const found = await askBackground(send, { type: 'getEntity', id });
    if (!found) return setSelected(undefined);
    setSelected({ model: buildCardModel(found.entity, found.related, { note: found.note }), note: found.note ?? '', own: Boolean(found.own) });
  };

  useEffect(() => {
    void loadSettings();
    void loadOverview();
    void loadCorrections();
    const unwatch = [allSitesEnabled, everySiteGranted, disabledSites, addedSites, highlightSettings, mentionTabStops].map((item) =>
      (item as { watch(cb: () => void): () => void }).watch(() => void loadSettings()),
    );
    // A correction made on a card while this page is open shows up here too.
    const corrections = new AbortController();
    watchCorrections(() => void loadCorrections(), corrections.signal);
    return () => {
      unwatch.forEach((u) => u());
      corrections.abort();
    };
  }, []);

  const act = (area: OptionsMessage['area'], work: () => Promise<string | void>) =>
    void work().then(
      (text) => setMessage(text ? { area, kind: 'ok', text } : undefined),
      (e: unknown) => setMessage({ area, kind: 'error', text: errorText(e) }),
    );

  return (
    <Options
      cardCss={cardCss}
      sites={sites}
      highlight={highlight}
      keyboard={keyboard}
      overview={overview}
      selected={selected}
      message={message}
      onToggleAll={(on) => void allSitesEnabled.setValue(on)}
      onToggleEverySite={(on) =>
        act('sites', async () => {
          if (!(await chooseEverySite(browserSiteActions(), on))) throw new Error('Access to every site was not granted; nothing changed.');
          return on ? 'Met Context now runs on every site; pages not about the Met stay untouched.' : 'Every site is off; the access was given back.';
        })
      }
      onEnableSite={(site) => void setSiteEnabled(site, true)}
      onRemoveAddedSite={(site) =>
        act('sites', async () => {
          await removeSite(browserSiteActions(), site);
          return `${site} removed; its access was given back.`;
        })
      }
      onToggleType={(type, shown) => {
        const hiddenTypes = shown ? highlight.hiddenTypes.filter((t) => t !== type) : [...new Set([...highlight.hiddenTypes, type])];
        void highlightSettings.setValue({ ...highlight, hiddenTypes });
      }}
      onStyle={(style) => void highlightSettings.setValue({ ...highlight, style })}
      onTabStops={(on) => void mentionTabStops.setValue(on)}
      onSelect={(id) => void select(id)}
      onSaveNote={(id, text) =>
        act('note', async () => {
          await askBackground(send, { type: 'saveNote', id, text });
          await Promise.all([select(id), loadOverview()]);
          return text.trim() ? 'Note saved.' : 'Note removed.';
        })
      }
      onAddEntry={(form) =>
        act('entry', async () => {
          const today = new Date().toISOString().slice(0, 10);
          const { id } = await askBackground(send, { type: 'saveUserEntity', entity: entryFromForm(form, today) });
          await Promise.all([loadOverview(), select(id)]);
          return `Added “${form.name.trim()}”. It is highlighted on pages from now on.`;
        })
      }
      onDeleteEntry={(id) =>
        act('entry', async () => {
          await askBackground(send, { type: 'deleteUserEntity', id });
          setSelected(undefined);
          await loadOverview();
          return 'Entry deleted.';
        })
      }
      corrections={corrections}
      onRemoveCorrection={(id) =>
        act('corrections', async () => {
          await askBackground(send, { type: 'removeCorrection', id });
          await loadCorrections();
          return 'Correction removed; its highlights are back in open tabs.';
        })
      }
      onExportCorrections={() =>
        act('corrections', async () => {
          const [list, status] = await Promise.all([askBackground(send, { type: 'getCorrections' }), askBackground(send, { type: 'getStatus' })]);
          download(CORRECTIONS_FORMAT, correctionsReport(list, status.kbVersion));
          return `Exported ${count(list.length, 'correction', 'corrections')}. Nothing was sent: the file is yours to send.`;
        })
      }
      onExport={() =>
        act('transfer', async () => {
          const data = await askBackground(send, { type: 'getUserData' });
          download(USER_DATA_FORMAT, data);
          return `Exported ${count(data.notes.length, 'note', 'notes')}, ${count(data.entities.length, 'entry', 'entries')} and ${count(data.corrections.length, 'correction', 'corrections')}.`;
        })
      }
      onImport={(file) =>
        act('transfer', async () => {
          // Checked before reading, so a huge file is never loaded into memory.
          if (file.size > MAX_IMPORT_BYTES) {
            throw new Error(`The file is too large (${file.size} bytes; the limit is ${MAX_IMPORT_BYTES}). Nothing was changed.`);
          }
          const result = await askBackground(send, { type: 'importUserData', text: await file.text() }).catch((e: unknown) => {
            throw new Error(`${errorText(e)} Nothing was changed.`);
          });
          await Promise.all([loadOverview(), loadCorrections()]);
          return `Imported ${count(result.notes, 'note', 'notes')}, ${count(result.entities, 'entry', 'entries')} and ${count(result.corrections, 'correction', 'corrections')}.`;
        })
      }
    />
  );
}

render(<App />, document.getElementById('app')!);
