/**
 * The first-run page: what Met Context does, that nothing leaves the browser, and where it runs,
 * with the two choices (the news-site list, or every site). Renders props only.
 */
import { EVERY_SITE_TEXT } from './Popup';

export interface WelcomeProps {
  /** How many sites are on the curated list. */
  listed: number;
  everySite: boolean;
  /** Says how the last choice went (a permission declined, a choice made). */
  message?: { kind: 'ok' | 'error'; text: string };
  onChooseEverySite(on: boolean): void;
  onOpenOptions(): void;
}

export function Welcome({ listed, everySite, message, onChooseEverySite, onOpenOptions }: WelcomeProps) {
  return (
    <main class="welcome">
      <h1>Met Context is installed</h1>
      <p>
        While you read news about London’s Metropolitan Police, Met Context underlines the inquiries and reviews, officers
        and other people, organisations and figures an article mentions. Rest the pointer on one, tab to it or tap it, and a
        short card gives sourced context: who commissioned a review and when, a person’s roles at the time of the article,
        how a figure compares with the published series.
      </p>
      <p>
        <strong>Nothing you read leaves your browser.</strong> The knowledge base ships with the extension; it makes no
        network requests of its own and sends nothing anywhere.
      </p>
      <h2>Where should it run?</h2>
      <div class="choices">
        <section class="choice" aria-labelledby="choice-list" aria-current={!everySite}>
          <h2 id="choice-list">On {listed} news sites (recommended)</h2>
          <p class="muted">
            UK national, regional and London news, broadcasters and wires, policing trade press, official bodies such as
            Parliament, the IOPC and City Hall, and Wikipedia. This is what you agreed to when installing: nothing more to
            allow. You can add any other site from the toolbar button.
          </p>
          {everySite && (
            <button type="button" onClick={() => onChooseEverySite(false)}>
              Only the news sites
            </button>
          )}
        </section>
        <section class="choice" aria-labelledby="choice-every" aria-current={everySite}>
          <h2 id="choice-every">On every site</h2>
          <p class="muted">{EVERY_SITE_TEXT}</p>
          {!everySite && (
            <button type="button" onClick={() => onChooseEverySite(true)}>
              Run on every site
            </button>
          )}
        </section>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="welcome-message">
          {message.text}
        </p>
      )}
      <p class="muted">
        You can change this at any time in the toolbar popup or in{' '}
        <button type="button" class="link" onClick={onOpenOptions}>
          the settings
        </button>
        .
      </p>
    </main>
  );
}
