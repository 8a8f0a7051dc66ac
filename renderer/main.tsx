import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { bridge } from './bridge';
import { initI18n, initialLanguage } from './i18n';
import { App } from './shell/App';
import { usePairingStore } from './state/pairing-store';
import { adoptDemoTerminalsFromLocation } from './state/demo-terminals';
import { useUiStore } from './state/ui-store';
import { pairTerminal } from './sync/pairing';
import { startSessionManager } from './db/session';

/** The launcher (npm start / Electron main) may hand this terminal its first pairing. */
async function adoptInitialPairing(): Promise<void> {
  const initial = await bridge.getInitialPairing();
  if (!initial) return;
  const current = usePairingStore.getState().pairing;
  if (current && current.token === initial.token && current.endpointUrl === initial.endpointUrl) return;
  try {
    usePairingStore.getState().setPairing(await pairTerminal(initial.endpointUrl, initial.token));
  } catch (error) {
    console.error('larder: the launcher pairing was refused', error);
  }
}

async function boot(): Promise<void> {
  const language = initialLanguage();
  useUiStore.getState().setLanguage(language);
  document.documentElement.lang = language;
  const i18n = await initI18n(language);
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await adoptInitialPairing();
  adoptDemoTerminalsFromLocation();
  startSessionManager();
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
