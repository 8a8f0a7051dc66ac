import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { bridge } from './bridge';
import { initI18n, initialLanguage } from './i18n';
import { App } from './shell/App';
import { useUiStore } from './state/ui-store';
import { adoptInitialPairing } from './sync/initial-pairing';
import { startSessionManager } from './db/session';

async function boot(): Promise<void> {
  const language = initialLanguage();
  useUiStore.getState().setLanguage(language);
  document.documentElement.lang = language;
  const i18n = await initI18n(language);
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  // The launcher (npm start / Electron main) or a link may hand this terminal a pairing.
  await adoptInitialPairing(await bridge.getInitialPairing());
  startSessionManager(__LARDER_VERSION__);
  if (import.meta.env.VITE_LARDER_BENCH === '1') (await import('./bench/bench-hook')).installBenchHook();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
