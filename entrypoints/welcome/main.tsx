import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Welcome, type WelcomeProps } from '@/components/Welcome';
import { everySiteGranted } from '@/utils/settings';
import { NEWS_SITES } from '@/utils/sites';
import { browserSiteActions, chooseEverySite } from '@/utils/popup/site-actions';
import '@/components/theme.css';
import './style.css';

function App() {
  const [everySite, setEverySite] = useState(false);
  const [message, setMessage] = useState<WelcomeProps['message']>();

  useEffect(() => {
    void everySiteGranted.getValue().then(setEverySite);
    return everySiteGranted.watch((on) => setEverySite(Boolean(on)));
  }, []);

  const choose = async (on: boolean) => {
    if (!(await chooseEverySite(browserSiteActions(), on))) {
      setMessage({ kind: 'error', text: 'Access to every site was not granted, so Met Context stays on the news sites.' });
      return;
    }
    setMessage({ kind: 'ok', text: on ? 'Met Context now runs on every site.' : 'Met Context runs on the news sites only.' });
  };

  return (
    <Welcome
      listed={NEWS_SITES.length}
      everySite={everySite}
      message={message}
      onChooseEverySite={(on) => void choose(on).catch((e: unknown) => setMessage({ kind: 'error', text: String(e) }))}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<App />, document.getElementById('app')!);
