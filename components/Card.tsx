/**
 * The hover card: renders a CardModel and nothing else. KB text is rendered as text (JSX
 * escapes it); links are https only and open in a new tab without a referrer.
 */
import type { CardModel } from '../utils/card/model';
import type { MentionPosition } from '../utils/dom/mention-order';
import { Sparkline } from './Sparkline';
import { CardCorrections, type CorrectionChoices } from './CardCorrections';
import type { CorrectionKind } from '../utils/corrections/correction';

export interface CardProps {
  model: CardModel | null;
  /** Shown while the entity is fetched, or when it could not be. */
  status?: string;
  onRelated?: (id: string) => void;
  titleId: string;
  /** The mention's place among the entity's mentions on the page (only when there are several). */
  position?: MentionPosition;
  onStep?: (step: 1 | -1) => void;
  /** The highlight can be corrected ("Wrong highlight?"): only on a mention's own card. */
  corrections?: CorrectionChoices;
  onCorrect?: (kind: CorrectionKind) => void;
}

/**
 * "Previous mention", "2 of 5", "Next mention": stepping through one entity's mentions, near
 * the top so it is the first thing Tab reaches in the card. Both ends wrap round.
 */
function MentionSteps({ name, position, onStep }: { name: string; position: MentionPosition; onStep?: (step: 1 | -1) => void }) {
  return (
    <nav class="mention-steps" aria-label={`Mentions of ${name} on this page`}>
      <button type="button" class="step" data-step="previous" onClick={() => onStep?.(-1)}>
        Previous mention
      </button>
      <span class="position">
        {position.index} of {position.count}
      </span>
      <button type="button" class="step" data-step="next" onClick={() => onStep?.(1)}>
        Next mention
      </button>
    </nav>
  );
}

export function Card({ model, status, onRelated, titleId, position, onStep, corrections, onCorrect }: CardProps) {
  if (!model) {
    return (
      <div class="card" role="status">
        <p class="status">{status ?? 'Loading…'}</p>
      </div>
    );
  }
  const { stat } = model;
  return (
    <article class="card" data-type={model.type} aria-labelledby={titleId}>
      <header>
        <span class="type">{model.typeLabel}</span>
        <h2 id={titleId}>{model.name}</h2>
      </header>
      {position && position.count > 1 && <MentionSteps name={model.name} position={position} onStep={onStep} />}
      <p class="summary">{model.summary}</p>
      {model.atArticle && (
        <p class="at-article" role="note">
          {model.atArticle}
        </p>
      )}
      {model.latestStep && <p class="latest-step">{model.latestStep}</p>}
      {model.note && (
        <section class="note" aria-label="Your note">
          <h3>Your note</h3>
          <p>{model.note}</p>
        </section>
      )}
      {stat && (
        <section class="stat" aria-label="Figures">
          <p class="measure">{stat.measure}</p>
          {stat.page && (
            <p class={stat.page.differs ? 'page-figure differs' : 'page-figure'} role={stat.page.differs ? 'note' : undefined}>
              {stat.page.note}
            </p>
          )}
          <p class="latest">
            Latest sourced: <strong>{stat.latest.value}</strong> ({stat.latest.date}, {stat.latest.source})
          </p>
          {stat.series.length > 1 && <Sparkline points={stat.series} />}
        </section>
      )}
      {model.figures && (
        <section class="key-figures" aria-label="Key figures">
          <h3>Key figures</h3>
          {model.figures.page && (
            <p class={model.figures.page.differs ? 'page-figure differs' : 'page-figure'} role={model.figures.page.differs ? 'note' : undefined}>
              {model.figures.page.note}
            </p>
          )}
          <ul>
            {model.figures.items.map((f) => (
              <li key={f.text} class={f.onPage ? 'on-page' : undefined}>
                {f.text} <span class="meta">({f.source})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.facts.length > 0 && (
        <section class="facts" aria-label={model.factsTitle}>
          <h3>{model.factsTitle}</h3>
          <dl>
            {model.facts.map((f) => (
              <div class={f.afterArticle ? 'fact after-article' : 'fact'} key={`${f.label}|${f.when}`}>
                <dt>{f.when}</dt>
                <dd>
                  {f.label}
                  {f.afterArticle && <span class="tag"> (after this article)</span>}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {model.related.length > 0 && (
        <section class="related" aria-label="Related">
          <h3>Related</h3>
          {model.related.map((r) => (
            <button type="button" class="chip" key={r.id} data-related-id={r.id} onClick={() => onRelated?.(r.id)}>
              {r.name}
            </button>
          ))}
        </section>
      )}
      <section class="sources" aria-label="Sources">
        <h3>Sources</h3>
        <ul>
          {model.sources.map((s) => (
            <li key={`${s.publisher}|${s.title}|${s.date}`}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
                  {s.title}
                </a>
              ) : (
                <span class="title">{s.title}</span>
              )}
              <span class="meta">
                {' '}
                — {s.publisher}, {s.date}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {corrections && <CardCorrections name={model.name} choices={corrections} onCorrect={onCorrect} />}
      <footer>Checked {model.checked}</footer>
    </article>
  );
}
