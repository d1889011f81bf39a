/**
 * The popup's timeline picture: dated events behind the page's entities on one axis, with the
 * article's own date marked. The SVG is labelled as one image; the same events follow as a
 * list, which is what screen readers and keyboard users read.
 */
import type { TimelineModel } from '../utils/popup/timeline';

export interface TimelineProps {
  model: TimelineModel;
}

/** Drawing size in SVG units; the SVG scales to the popup's width. */
const WIDTH = 360;
const HEIGHT = 64;
const PAD_X = 12;
const AXIS_Y = 40;
/** Dots are staggered on three rows so events close in time stay distinguishable. */
const ROWS = 3;
const ROW_GAP = 8;

/** Past this point on the axis the article's label sits left of its line, inside the picture. */
const ARTICLE_LABEL_FLIP = 0.7;

const px = (x: number) => PAD_X + x * (WIDTH - 2 * PAD_X);

/** Events and the article's date, oldest first, as the text alternative lists them. */
function listRows(model: TimelineModel) {
  const rows = model.events.map((e) => ({
    key: `${e.entityId}|${e.date}|${e.label}`,
    date: e.date,
    when: e.when,
    text: `${e.name}: ${e.label}`,
    article: false,
  }));
  if (model.article) {
    rows.push({ key: 'article', date: model.article.date, when: model.article.when, text: 'this article', article: true });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

export function Timeline({ model }: TimelineProps) {
  const summary = `${model.events.length} dated events from ${model.events[0]!.when} to ${model.events[model.events.length - 1]!.when}${
    model.article ? `; this article is dated ${model.article.when}` : ''
  }.`;
  return (
    <figure class="timeline" aria-labelledby="timeline-caption">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Timeline: ${summary}`} width="100%">
        <line class="axis" x1={PAD_X} x2={WIDTH - PAD_X} y1={AXIS_Y} y2={AXIS_Y} />
        {model.ticks.map((t) => (
          <g key={t.year} class="tick">
            <line x1={px(t.x)} x2={px(t.x)} y1={AXIS_Y - 3} y2={AXIS_Y + 3} />
            <text x={px(t.x)} y={AXIS_Y + 16} text-anchor="middle">
              {t.year}
            </text>
          </g>
        ))}
        {model.events.map((e, i) => (
          <circle
            key={`${e.entityId}|${e.date}|${e.label}`}
            class="event"
            data-type={e.type}
            cx={px(e.x)}
            cy={AXIS_Y - 6 - (i % ROWS) * ROW_GAP}
            r={3.5}
          >
            <title>{`${e.when}: ${e.name} — ${e.label}`}</title>
          </circle>
        ))}
        {model.article && (
          <g class="article-date">
            <line x1={px(model.article.x)} x2={px(model.article.x)} y1={10} y2={AXIS_Y + 4} />
            <text x={px(model.article.x)} y={7} text-anchor={model.article.x > ARTICLE_LABEL_FLIP ? 'end' : 'start'}>
              this article
            </text>
            <title>{`This article: ${model.article.when}`}</title>
          </g>
        )}
      </svg>
      <figcaption id="timeline-caption">
        {summary}
        {model.omitted > 0 && ` ${model.omitted} earlier events are not shown.`}
      </figcaption>
      <details class="timeline-list">
        <summary>Events as a list</summary>
        <ol>
          {listRows(model).map((row) => (
            <li key={row.key} class={row.article ? 'article' : undefined} data-date={row.date}>
              <time dateTime={row.date}>{row.when}</time> — {row.text}
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
