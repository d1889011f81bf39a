/**
 * The options page's list of the reader's corrections, each with its undo, and the export of
 * corrections alone for the KB's maintainers. Renders its props; correction text is text.
 */
import type { StoredCorrection } from '../utils/corrections/correction';
import { describeCorrection } from '../utils/corrections/correction';

export interface CorrectionsProps {
  /** Absent until loaded. */
  corrections?: StoredCorrection[];
  onRemoveCorrection(id: string): void;
  onExportCorrections(): void;
  /** The outcome of the last action here. */
  message?: { kind: 'ok' | 'error'; text: string };
}

export function Corrections({ corrections, onRemoveCorrection, onExportCorrections, message }: CorrectionsProps) {
  return (
    <section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Your corrections</h2>
      <p class="muted">
        Highlights you said are wrong, from a card’s “Wrong highlight?”. Each hides what it names in every tab at once; remove one
        to bring its highlights back. Export them as a file to send to the knowledge base’s maintainers yourself: the extension
        sends nothing.
      </p>
      {corrections === undefined ? (
        <p class="muted">Loading…</p>
      ) : corrections.length === 0 ? (
        <p class="muted" data-testid="no-corrections">
          You have made no corrections.
        </p>
      ) : (
        <ul class="corrections-list" aria-label="Your corrections">
          {corrections.map((c) => (
            <li key={c.id} data-kind={c.kind}>
              <span class="what">{describeCorrection(c)}</span>{' '}
              <span class="muted">({c.created.slice(0, 10)})</span>{' '}
              <button type="button" aria-label={`Remove: ${describeCorrection(c)}`} onClick={() => onRemoveCorrection(c.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onExportCorrections} disabled={!corrections?.length}>
        Export corrections for the maintainers
      </button>
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="corrections-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
