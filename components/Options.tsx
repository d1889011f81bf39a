/**
 * The options page: where it runs, what it highlights, the knowledge base and the reader's own
 * additions. Renders props and reports choices through callbacks; the page's entrypoint does
 * the storage, permissions and messages.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { CardModel } from '../utils/card/model';
import type { KbOverview } from '../utils/messages';
import { ENTITY_TYPES, type EntityType } from '../utils/kb/schema';
import type { HighlightSettings, HighlightStyle } from '../utils/settings';
import { TYPE_PLURALS } from '../utils/popup/view-model';
import { TYPE_LABELS } from '../utils/card/model';
import { searchEntries, type EntryForm } from '../utils/options/entries';
import { CardPreview } from './CardPreview';
import { Corrections, type CorrectionsProps } from './OptionsCorrections';
import { EVERY_SITE_TEXT } from './Popup';

export interface OptionsMessage {
  area: 'sites' | 'note' | 'entry' | 'transfer' | 'corrections';
  kind: 'ok' | 'error';
  text: string;
}

export interface OptionsProps extends Omit<CorrectionsProps, 'message'> {
  /** The card's stylesheet, for the preview's shadow root. */
  cardCss: string;
  sites: { all: boolean; everySite: boolean; disabled: string[]; added: string[]; listed: readonly string[] };
  highlight: HighlightSettings;
  keyboard: {
    /** "Mentions are tab stops". */
    tabStops: boolean;
    /** The key the browser has for "next highlight": empty when none is set, absent until known. */
    shortcut?: string;
  };
  overview?: KbOverview;
  selected?: { model: CardModel; note: string; own: boolean };
  message?: OptionsMessage;
  onToggleAll(on: boolean): void;
  /** Run on every site (one permission for all), or give that back. */
  onToggleEverySite(on: boolean): void;
  onEnableSite(site: string): void;
  onRemoveAddedSite(site: string): void;
  onToggleType(type: EntityType, shown: boolean): void;
  onStyle(style: HighlightStyle): void;
  onTabStops(on: boolean): void;
  onSelect(id: string): void;
  onSaveNote(id: string, text: string): void;
  onAddEntry(form: EntryForm): void;
  onDeleteEntry(id: string): void;
  onExport(): void;
  onImport(file: File): void;
}

function Message({ message, area }: { message?: OptionsMessage; area: OptionsMessage['area'] }) {
  if (message?.area !== area) return null;
  return (
    <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid={`${area}-message`}>
      {message.text}
    </p>
  );
}

function Sites({ sites, message, onToggleAll, onToggleEverySite, onEnableSite, onRemoveAddedSite }: OptionsProps) {
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <label class="switch">
        <input type="checkbox" role="switch" checked={sites.all} onChange={(e) => onToggleAll((e.currentTarget as HTMLInputElement).checked)} />
        <span>Annotate on all sites</span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={sites.everySite}
          onChange={(e) => onToggleEverySite((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Run on every site, not only the news sites below</span>
      </label>
      <p class="muted">{EVERY_SITE_TEXT} Switching it off gives that access back.</p>
      <h3>Sites you added</h3>
      {sites.added.length === 0 ? (
        <p class="muted">None. Turn Met Context on for any other site from its toolbar button on that site.</p>
      ) : (
        <ul class="site-list" aria-label="Sites you added">
          {sites.added.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" onClick={() => onRemoveAddedSite(s)} aria-label={`Remove ${s} and give back its access`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Sites you switched off</h3>
      {sites.disabled.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="site-list" aria-label="Sites you switched off">
          {sites.disabled.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" onClick={() => onEnableSite(s)} aria-label={`Switch ${s} back on`}>
                Switch back on
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>The {sites.listed.length} news sites it runs on by default</summary>
        <p class="muted listed">{sites.listed.join(', ')}</p>
      </details>
      <Message message={message} area="sites" />
    </section>
  );
}

function Highlighting({ highlight, onToggleType, onStyle }: OptionsProps) {
  return (
    <section aria-labelledby="highlight-heading">
      <h2 id="highlight-heading">What to highlight</h2>
      <fieldset>
        <legend>Types</legend>
        <div class="types">
          {ENTITY_TYPES.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                name="type"
                value={t}
                checked={!highlight.hiddenTypes.includes(t)}
                onChange={(e) => onToggleType(t, (e.currentTarget as HTMLInputElement).checked)}
              />
              {TYPE_PLURALS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Highlight style</legend>
        {(
          [
            ['underline', 'Underline'],
            ['tint', 'Tint'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="style" value={value} checked={highlight.style === value} onChange={() => onStyle(value)} />
            <span class={`sample ${value}`}>{label}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** Where a reader changes an extension's shortcut, per browser (neither lets a page link there). */
export const SHORTCUT_SETTINGS_TEXT =
  'Change it in your browser’s shortcut settings: chrome://extensions/shortcuts in Chrome, Edge and other Chromium browsers; in Firefox, the Add-ons Manager’s gear menu, “Manage Extension Shortcuts”.';

function Keyboard({ keyboard, onTabStops }: OptionsProps) {
  const { tabStops, shortcut } = keyboard;
  return (
    <section aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading">Keyboard</h2>
      <label class="switch">
        <input type="checkbox" role="switch" checked={tabStops} onChange={(e) => onTabStops((e.currentTarget as HTMLInputElement).checked)} />
        <span>Mentions are tab stops</span>
      </label>
      <p class="muted">
        On: Tab stops at the first mention of each entry on a page, and its card’s “Next mention” and “Previous mention” reach the
        others. Off: Tab passes the highlights by; use the shortcut below. Open pages follow at once.
      </p>
      <p data-testid="shortcut">
        Move to the next highlight and open its card:{' '}
        {shortcut ? <kbd>{shortcut}</kbd> : shortcut === '' ? 'no key is set (another extension may use it).' : 'Alt+Shift+J unless you changed it.'}{' '}
        {SHORTCUT_SETTINGS_TEXT}
      </p>
    </section>
  );
}

function NoteEditor({ id, note, onSave, message }: { id: string; note: string; onSave(id: string, text: string): void; message?: OptionsMessage }) {
  const [text, setText] = useState(note);
  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(id, text);
      }}
    >
      <label for="note-text">Your private note (shown in this entry’s card)</label>
      <textarea id="note-text" rows={3} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <button type="submit">Save note</button>
      <Message message={message} area="note" />
    </form>
  );
}

function KnowledgeBase({ overview, selected, message, cardCss, onSelect, onSaveNote, onDeleteEntry }: OptionsProps) {
  const [query, setQuery] = useState('');
  if (!overview) return <p class="muted">Loading the knowledge base…</p>;
  const results = searchEntries(overview.entries, query);
  return (
    <section aria-labelledby="kb-heading">
      <h2 id="kb-heading">The knowledge base</h2>
      <p data-testid="kb-version">
        Version {overview.status.kbVersion} · {overview.entries.length} entries
        {overview.status.storage === 'memory' && ' (served from memory: IndexedDB is not available, so your additions cannot be saved)'}
      </p>
      <ul class="counts" aria-label="Entries by type">
        {ENTITY_TYPES.filter((t) => overview.counts[t]).map((t) => (
          <li key={t} data-type={t}>
            <strong>{overview.counts[t]}</strong> {TYPE_PLURALS[t]}
          </li>
        ))}
      </ul>
      <label for="kb-search">Search by name</label>
      <input id="kb-search" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      {query.trim() && (
        <ul class="results" aria-label="Search results">
          {results.length === 0 && <li class="muted">No entry has that name.</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" class="entity" data-id={r.id} aria-pressed={selected?.model.id === r.id} onClick={() => onSelect(r.id)}>
                <span class="name">{r.name}</span>
                <span class="muted">
                  {TYPE_LABELS[r.type]}
                  {r.own && ' · yours'}
                  {r.noted && ' · noted'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div class="selected" data-testid="selected-entry">
          <CardPreview model={selected.model} css={cardCss} />
          <NoteEditor key={selected.model.id} id={selected.model.id} note={selected.note} onSave={onSaveNote} message={message} />
          {selected.own && (
            <button type="button" class="danger" onClick={() => onDeleteEntry(selected.model.id)}>
              Delete this entry of yours
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The form's text fields: key, label, and whether it takes several lines. */
const ENTRY_FIELDS: [Exclude<keyof EntryForm, 'type'>, string, boolean][] = [
  ['name', 'Name', false],
  ['aliases', 'Other names (comma-separated)', false],
  ['summary', 'Summary (a neutral sentence or two, at least 20 characters)', true],
  ['publisher', 'Source publisher', false],
  ['title', 'Source title', false],
  ['sourceDate', 'Source date (YYYY, YYYY-MM or YYYY-MM-DD)', false],
];

const EMPTY_FORM: EntryForm = { type: 'person', name: '', aliases: '', summary: '', publisher: '', title: '', sourceDate: '' };

function AddEntry({ message, onAddEntry }: OptionsProps) {
  const [form, setForm] = useState<EntryForm>(EMPTY_FORM);
  const field = (key: keyof EntryForm) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading">Your own entries</h2>
      <p class="muted">Highlighted on pages like the built-in ones, and kept across updates. Stored only in this browser.</p>
      <form
        class="entry-form"
        onSubmit={(e) => {
          e.preventDefault();
          onAddEntry(form);
        }}
      >
        <label for="entry-type">Type</label>
        <select
          id="entry-type"
          value={form.type}
          onChange={(e) => setForm({ ...form, type: (e.currentTarget as HTMLSelectElement).value as EntityType })}
        >
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        {ENTRY_FIELDS.map(([key, label, multiline]) => (
          <Fragment key={key}>
            <label for={`entry-${key}`}>{label}</label>
            {multiline ? <textarea id={`entry-${key}`} rows={3} required {...field(key)} /> : <input id={`entry-${key}`} required={key !== 'aliases'} {...field(key)} />}
          </Fragment>
        ))}
        <button type="submit">Add entry</button>
        <Message message={message} area="entry" />
      </form>
    </section>
  );
}

function Transfer({ message, onExport, onImport }: OptionsProps) {
  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Export and import</h2>
      <p class="muted">
        Your notes, entries and corrections as one JSON file. An import is checked in full first; a file with any problem changes
        nothing.
      </p>
      <button type="button" onClick={onExport}>
        Export your notes, entries and corrections
      </button>
      <label class="file">
        Import a file
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = '';
          }}
        />
      </label>
      <Message message={message} area="transfer" />
    </section>
  );
}

export function Options(props: OptionsProps) {
  return (
    <main class="options">
      <h1>Met Context settings</h1>
      <Sites {...props} />
      <Highlighting {...props} />
      <Keyboard {...props} />
      <KnowledgeBase {...props} />
      <AddEntry {...props} />
      <Corrections {...props} message={props.message?.area === 'corrections' ? props.message : undefined} />
      <Transfer {...props} />
    </main>
  );
}
