/** The toolbar popup: what the page mentions, and the site switch. Renders props only. */
import type { PageSummary } from '../utils/page/summary';
import type { KbStatus } from '../utils/messages';
import { groupSummary } from '../utils/popup/view-model';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; summary: PageSummary };

export interface PopupProps {
  state: PopupState;
  kb?: KbStatus;
  onToggleSite(enabled: boolean): void;
  onReveal(id: string): void;
}

function Body({ state, onToggleSite, onReveal }: PopupProps) {
  if (state.kind === 'loading') return <p class="muted">Reading this page…</p>;
  if (state.kind === 'unavailable') return <p class="empty">{state.reason}</p>;
  const { summary } = state;
  const groups = groupSummary(summary);
  const total = summary.entities.length;
  return (
    <>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={summary.enabled}
          onChange={(e) => onToggleSite((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Annotate on this site</span>
        <span class="site">{summary.site}</span>
      </label>
      {!summary.enabled ? (
        <p class="empty">Annotation is off for {summary.site}. Switch it on to see what this page mentions.</p>
      ) : !summary.relevant || total === 0 ? (
        <p class="empty" data-testid="reason">{summary.reason}</p>
      ) : (
        <>
          <ul class="counts" aria-label="Mentions by type">
            {groups.map((g) => (
              <li key={g.type} data-type={g.type}>
                <strong>{g.entities.length}</strong> {g.label}
              </li>
            ))}
          </ul>
          {groups.map((g) => (
            <section key={g.type} class="group" data-type={g.type}>
              <h2>{g.label}</h2>
              <ul>
                {g.entities.map((e) => (
                  <li key={e.id}>
                    <button type="button" class="entity" data-id={e.id} onClick={() => onReveal(e.id)}>
                      <span class="name">{e.name}</span>
                      {e.differs && <span class="differs">figure differs</span>}
                      <span class="count" aria-label={`${e.mentions} mentions`}>
                        {e.mentions}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}

export function Popup(props: PopupProps) {
  return (
    <main class="popup">
      <h1>Met Context</h1>
      {props.kb?.storage === 'memory' && (
        <p class="notice" role="status">
          {props.kb.problem ?? 'The knowledge base is served from memory.'}
        </p>
      )}
      <Body {...props} />
      {props.kb && (
        <footer class="muted">
          Knowledge base {props.kb.kbVersion} · {props.kb.entityCount} entries
        </footer>
      )}
    </main>
  );
}
