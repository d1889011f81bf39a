/**
 * The card's "Not right?" controls and the status that follows a correction. They render their
 * props and nothing else; the card controller (utils/card/controller.ts) does the work.
 * Correction text is rendered as text.
 */
import { correctionLabel, type CorrectionKind } from '../utils/corrections/correction';

export interface CorrectionChoices {
  /** The highlight's text, as the page has it. */
  text: string;
  /** The page's site (the per-site switch's). */
  site: string;
}

export function CardCorrections({
  name,
  choices,
  onCorrect,
}: {
  name: string;
  choices: CorrectionChoices;
  onCorrect?: (kind: CorrectionKind) => void;
}) {
  const kinds: CorrectionKind[] = ['page', 'site', 'entry'];
  return (
    <section class="corrections" aria-label="Wrong highlight?">
      <h3>Wrong highlight?</h3>
      <div class="correction-buttons">
        {kinds.map((kind) => (
          <button type="button" class="correct" key={kind} data-correct={kind} onClick={() => onCorrect?.(kind)}>
            {correctionLabel(kind, choices.text, choices.site, name)}
          </button>
        ))}
      </div>
    </section>
  );
}

export interface CorrectionNoticeModel {
  text: string;
  /** The correction just made, while it can be undone. */
  undoId?: string;
  error?: boolean;
}

/** A small status after acting, with Undo while it applies. */
export function CorrectionNotice({
  notice,
  theme,
  onUndo,
  onDismiss,
}: {
  notice: CorrectionNoticeModel;
  theme: string;
  onUndo?: (id: string) => void;
  onDismiss?: () => void;
}) {
  return (
    <div class={notice.error ? 'correction-notice error' : 'correction-notice'} data-theme={theme} role="group" aria-label="Met Context correction" tabIndex={-1}>
      <p class="notice-text">{notice.text}</p>
      {notice.undoId && (
        <button type="button" class="undo" onClick={() => onUndo?.(notice.undoId!)}>
          Undo
        </button>
      )}
      <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => onDismiss?.()}>
        ×
      </button>
    </div>
  );
}
