/**
 * Everything the card puts in its shadow root: a polite live region (so screen readers hear
 * a card that opens, since ids cannot cross the shadow boundary for aria-describedby) and,
 * while a card is open, the positioned dialog holding it. Renders its props and nothing else.
 */
import type { Ref } from 'preact';
import type { CardModel } from '../utils/card/model';
import type { CardTheme } from '../utils/card/theme';
import type { MentionPosition } from '../utils/dom/mention-order';
import { Card } from './Card';
import { CorrectionNotice, type CorrectionChoices, type CorrectionNoticeModel } from './CardCorrections';
import type { CorrectionKind } from '../utils/corrections/correction';

export interface OpenCard {
  model: CardModel | null;
  status?: string;
  theme: CardTheme;
  /** Where the mention stands among its entity's mentions, when there is more than one. */
  position?: MentionPosition;
  /** The mention can be corrected from its card. */
  corrections?: CorrectionChoices;
}

export interface CardLayerProps {
  open: OpenCard | null;
  /** Text for the live region: the open card in one sentence, or empty. */
  announcement: string;
  titleId: string;
  surfaceRef: Ref<HTMLDivElement>;
  onRelated(id: string): void;
  /** "Next mention" (1) or "Previous mention" (-1). */
  onStep(step: 1 | -1): void;
  /** The status after a correction, which outlives the card (its highlight is gone). */
  notice?: { model: CorrectionNoticeModel; theme: CardTheme; ref: Ref<HTMLDivElement> } | null;
  onCorrect?(kind: CorrectionKind): void;
  onUndo?(id: string): void;
  onDismiss?(): void;
}

export function CardLayer({ open, announcement, titleId, surfaceRef, onRelated, onStep, notice, onCorrect, onUndo, onDismiss }: CardLayerProps) {
  return (
    <>
      <div class="live" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {open && (
        <div
          ref={surfaceRef}
          class="surface"
          data-theme={open.theme}
          role="dialog"
          aria-modal="false"
          aria-labelledby={open.model ? titleId : undefined}
          aria-label={open.model ? undefined : 'Met Context'}
          tabIndex={-1}
        >
          <Card
            model={open.model}
            status={open.status}
            titleId={titleId}
            onRelated={onRelated}
            position={open.position}
            onStep={onStep}
            corrections={open.corrections}
            onCorrect={onCorrect}
          />
        </div>
      )}
      {notice && (
        <div ref={notice.ref} class="notice-host">
          <CorrectionNotice notice={notice.model} theme={notice.theme} onUndo={onUndo} onDismiss={onDismiss} />
        </div>
      )}
    </>
  );
}
