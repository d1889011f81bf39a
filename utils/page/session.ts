/**
 * Everything the extension does on one page, switched on and off as a whole: the annotator
 * and the card share one AbortController, so switching off removes every highlight, listener,
 * observer and the card at once.
 */
import { PageMatcher } from '../match/page-matcher';
import { Annotator } from '../dom/annotator';
import { CardController, type CardSurface } from '../card/controller';
import { summarise, type PageSummary } from './summary';
import { keepCopiesClean } from './clipboard';
import type { MatchIndex } from '../kb/match-index';
import type { Entity } from '../kb/schema';
import type { RelatedEntity } from '../messages';
import { ATTR_ID, ATTR_PART, MENTION_TAG } from '../dom/mention-element';

export interface PageSessionDeps {
  doc: Document;
  site: string;
  getIndex(): Promise<MatchIndex>;
  fetchEntity(id: string): Promise<{ entity: Entity; related: RelatedEntity[] } | null>;
  createSurface(): Promise<CardSurface>;
}

export class PageSession {
  private controller?: AbortController;
  private annotator?: Annotator;
  private card?: CardController;
  private index?: MatchIndex;
  private problem?: string;

  constructor(private readonly deps: PageSessionDeps) {}

  get running(): boolean {
    return Boolean(this.controller && !this.controller.signal.aborted);
  }

  async start(): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    try {
      this.index ??= await this.deps.getIndex();
      this.problem = undefined;
    } catch (error) {
      this.problem = `The knowledge base could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (controller.signal.aborted) return;
    const annotator = new Annotator(this.deps.doc, new PageMatcher(this.index), controller.signal);
    this.annotator = annotator;
    this.card = new CardController({
      doc: this.deps.doc,
      fetchEntity: this.deps.fetchEntity,
      readingOf: (el) => annotator.mentionFor(el)?.stat,
      createSurface: this.deps.createSurface,
      signal: controller.signal,
    });
    keepCopiesClean(this.deps.doc, controller.signal);
    await annotator.start();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.annotator = undefined;
    this.card = undefined;
  }

  summary(): PageSummary {
    const base = { site: this.deps.site, enabled: this.running };
    if (!this.running || !this.annotator || !this.index) {
      return {
        ...base,
        relevant: false,
        reason: this.problem ?? 'Annotation is switched off on this site.',
        counts: {},
        entities: [],
      };
    }
    const names = new Map(this.index.entities.map((e) => [e.id, e.name]));
    return {
      ...base,
      relevant: this.annotator.relevance.relevant,
      reason: this.annotator.relevance.reason,
      ...summarise(this.annotator.mentions(), (id) => names.get(id) ?? id),
    };
  }

  /** Scrolls to the first mention of an entity and opens its card. */
  reveal(id: string): boolean {
    const first = [...this.deps.doc.querySelectorAll<HTMLElement>(`${MENTION_TAG}:not([${ATTR_PART}])`)].find(
      (el) => el.getAttribute(ATTR_ID) === id,
    );
    if (!first || !this.card) return false;
    first.scrollIntoView({ block: 'center' });
    void this.card.open(first);
    return true;
  }
}
