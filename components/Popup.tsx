/**
 * The toolbar popup: what the page mentions, its timeline, and the switches. Renders props only.
 * The side panel renders the same view, with each entry opening its card in place (`panel`).
 */
import type { ComponentChildren } from 'preact';
import type { PageSummary, SummaryEntity } from '../utils/page/summary';
import type { KbStatus } from '../utils/messages';
import type { TimelineModel } from '../utils/popup/timeline';
import { groupSummary } from '../utils/popup/view-model';
import { Timeline } from './Timeline';
import { hiddenText } from '../utils/corrections/hide';

export type PopupState =
  | { kind: 'loading' }
  /** A page no extension may run on (browser pages, extension stores). */
  | { kind: 'browser-page' }
  | { kind: 'unavailable'; reason: string }
  /** A site outside the curated list: the reader may turn it on, granting access to it alone. */
  | { kind: 'not-added'; site: string }
  /** `added`: a site the reader turned on (outside the curated list). */
  | { kind: 'ready'; summary: PageSummary; added: boolean };

export interface PopupSwitches {
  site: boolean;
  all: boolean;
  /** The reader chose to run on every site (one permission for all of them). */
  everySite: boolean;
}

export interface PopupProps {
  state: PopupState;
  kb?: KbStatus;
  switches: PopupSwitches;
  timeline?: TimelineModel | null;
  /** A problem with the last action (a refused permission, a failed registration). */
  error?: string;
  onToggleSite(enabled: boolean): void;
  onToggleAll(enabled: boolean): void;
  onAddSite(site: string): void;
  /** Run on every site (one permission for all), or give that back. */
  onToggleEverySite(on: boolean): void;
  onReveal(id: string): void;
  onOpenOptions(): void;
  /** Offered where the browser has a side panel: opens the panel that stays open while reading. */
  onOpenPanel?(): void;
  /** In the side panel: an entry opens its card in place, and "Show on page" reveals it. */
  panel?: PanelEntries;
}

export interface PanelEntries {
  /** The entry whose card is open. */
  openId?: string;
  /** The open entry's card (or what is said while it loads). */
  card?: ComponentChildren;
  onOpen(id: string): void;
}

/** What choosing every site means, said wherever the choice is offered. */
export const EVERY_SITE_TEXT =
  'On every site, Met Context reads each page in your browser and highlights only pages about the Met. Your browser asks once, for all sites; nothing you read leaves it.';

export const BROWSER_PAGE_TEXT =
  'Extensions cannot run on this page. Browser pages (settings, new tabs, other extensions) and extension stores are closed to every extension.';

function Switch({ label, detail, checked, onChange }: { label: string; detail?: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>{label}</span>
      {detail && <span class="site">{detail}</span>}
    </label>
  );
}

/** An entry: in the popup one button (jump to it on the page); in the panel, its card and "Show on page". */
function Entry({ entity: e, panel, onReveal }: { entity: SummaryEntity; panel?: PanelEntries; onReveal(id: string): void }) {
  const open = panel?.openId === e.id;
  const cardId = `card-${e.id}`;
  return (
    <li data-id={e.id}>
      <div class="entry">
        <button
          type="button"
          class="entity"
          data-id={e.id}
          aria-expanded={panel ? open : undefined}
          aria-controls={open ? cardId : undefined}
          onClick={() => (panel ? panel.onOpen(e.id) : onReveal(e.id))}
        >
          <span class="name">{e.name}</span>
          {e.differs && <span class="differs">figure differs</span>}
          <span class="count" aria-label={`${e.mentions} mentions`}>
            {e.mentions}
          </span>
        </button>
        {panel && (
          <button type="button" class="show-on-page" data-id={e.id} aria-label={`Show ${e.name} on the page`} onClick={() => onReveal(e.id)}>
            Show on page
          </button>
        )}
      </div>
      {open && (
        <div class="panel-card" id={cardId}>
          {panel.card}
        </div>
      )}
    </li>
  );
}

function Summary({
  summary,
  timeline,
  panel,
  onReveal,
}: {
  summary: PageSummary;
  timeline?: TimelineModel | null;
  panel?: PanelEntries;
  onReveal(id: string): void;
}) {
  const groups = groupSummary(summary);
  return (
    <>
      <ul class="counts" aria-label="Mentions by type">
        {groups.map((g) => (
          <li key={g.type} data-type={g.type}>
            <strong>{g.entities.length}</strong> {g.label}
          </li>
        ))}
      </ul>
      {timeline && <Timeline model={timeline} />}
      {groups.map((g) => (
        <section key={g.type} class="group" data-type={g.type}>
          <h2>{g.label}</h2>
          <ul>
            {g.entities.map((e) => (
              <Entry key={e.id} entity={e} panel={panel} onReveal={onReveal} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Body(props: PopupProps) {
  const { state, switches } = props;
  if (state.kind === 'loading') return <p class="muted">Reading this page…</p>;
  if (state.kind === 'browser-page') return <p class="empty" data-testid="state">{BROWSER_PAGE_TEXT}</p>;
  if (state.kind === 'unavailable') return <p class="empty" data-testid="state">{state.reason}</p>;
  if (state.kind === 'not-added') {
    return (
      <>
        <p class="empty" data-testid="state">
          Met Context does not run on {state.site}. It runs on a list of news sites; you can turn it on here too. Your
          browser will ask to let it read pages on {state.site} only.
        </p>
        <button type="button" class="primary" onClick={() => props.onAddSite(state.site)}>
          Turn on for {state.site}
        </button>
        <button type="button" onClick={() => props.onToggleEverySite(true)}>
          Turn on for every site
        </button>
        <p class="muted">{EVERY_SITE_TEXT}</p>
      </>
    );
  }
  const { summary } = state;
  return (
    <>
      <Switch label="Annotate on all sites" checked={switches.all} onChange={props.onToggleAll} />
      <Switch label="Annotate on this site" detail={summary.site} checked={switches.site} onChange={props.onToggleSite} />
      <Switch label="Run on every site" detail="not only news sites" checked={switches.everySite} onChange={props.onToggleEverySite} />
      {!switches.all ? (
        <p class="empty" data-testid="state">
          Met Context is off on every site. Switch “Annotate on all sites” on to see what pages mention.
        </p>
      ) : !switches.site ? (
        <p class="empty" data-testid="state">
          Annotation is off for {summary.site}. Switch it on to see what this page mentions.
          {state.added && ' Switching it off gave back the access you granted to this site.'}
        </p>
      ) : !summary.enabled ? (
        <p class="muted">Reading this page…</p>
      ) : !summary.relevant || summary.entities.length === 0 ? (
        <p class="empty" data-testid="reason">{summary.reason}</p>
      ) : (
        <Summary summary={summary} timeline={props.timeline} panel={props.panel} onReveal={props.onReveal} />
      )}
      {switches.all && switches.site && summary.enabled && Boolean(summary.hidden) && (
        <p class="muted" data-testid="hidden">
          {hiddenText(summary.hidden!)}. Remove one in “Settings and your notes”.
        </p>
      )}
    </>
  );
}

export function Popup(props: PopupProps) {
  return (
    <main class={props.panel ? 'popup side-panel' : 'popup'}>
      <h1>Met Context</h1>
      {props.kb?.storage === 'memory' && (
        <p class="notice" role="status">
          {props.kb.problem ?? 'The knowledge base is served from memory.'}
        </p>
      )}
      {props.error && (
        <p class="notice" role="alert">
          {props.error}
        </p>
      )}
      <Body {...props} />
      <footer class="muted">
        {props.kb && (
          <span>
            Knowledge base {props.kb.kbVersion} · {props.kb.entityCount} entries ·{' '}
          </span>
        )}
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Settings and your notes
        </button>
        {props.onOpenPanel && (
          <>
            {' · '}
            <button type="button" class="link" onClick={props.onOpenPanel}>
              Open in side panel
            </button>
          </>
        )}
      </footer>
    </main>
  );
}
